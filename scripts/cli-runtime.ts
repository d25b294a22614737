import { errorForLog, redactedMessage } from "../server/log-error";

/** Shared edge for our command-line scripts: clear one-line errors, non-zero exits, no stack traces. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Error: ${redactedMessage(error)}`);
      if (process.env.DEBUG) console.error(errorForLog(error));
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
