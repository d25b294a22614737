/** Shared edge for our command-line scripts: clear one-line errors, non-zero exits, no stack traces. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Error: ${message}`);
      if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
