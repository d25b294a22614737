/**
 * The admin CLI (DESIGN §7), for operators and tests:
 *   npm run admin -- create-user --username U --email E --password P [--full-name N] [--superuser] [--role R ...]
 *   npm run admin -- create-api-key --name N --type client|server|admin [--role R] [--expires-at ISO]
 *   npm run admin -- demo [--scale S]
 * It acts as the system actor and goes through the same services as the app.
 */
import { parseArgs } from "node:util";
import { systemActor } from "../core/permissions/permissions";
import { closeAppDatabase, getDatabaseHandle } from "../db/app-database";
import type { ServiceContext } from "../server/context";
import { Invalid, isAppError } from "../server/errors";
import { createApiKey } from "../server/services/api-keys/create-api-key";
import { createDemoData } from "../server/services/demo/create-demo-data";
import { createUser } from "../server/services/users/create-user";
import { runCli, UsageError } from "./cli-runtime";

const USAGE = `Usage:
  npm run admin -- <command> [options]
  npm run admin -- --help            Print this help and exit.

Commands:
  create-user       Create a user who can sign in to the dashboard.
    --username U      Required. 3 to 64 letters, digits, ".", "_" and "-", starting with a letter or digit.
    --email E         Required. The user's email address.
    --password P      Required. At least 8 characters.
    --full-name N     Optional. The name shown in the dashboard.
    --superuser       Optional. Passes every permission check.
    --role R          Optional, repeatable. A role to grant: admin, experimenter, viewer or one you made.

  create-api-key    Create an API key and print it once, alone on the last line.
    --name N          Required. What the key is for.
    --type T          Required. client (evaluate, assign, track), server (client's rights plus
                      configuration download) or admin (management, limited by --role).
    --role R          Optional. The role whose permissions an admin key has.
    --expires-at ISO  Optional. When the key stops working, as an ISO-8601 date or time.

  demo              Fill the app with demo experiments (A/B, multivariate, split-URL, bandit), four
                    weeks of traffic and results, and two flags. Refuses if the demo data exists.
    --scale S         Optional. Multiplies the number of users (default 1, about 30,000).

Every command also takes --help.
Exit status: 0 done, 1 refused (the message says why), 2 wrong usage.`;

const specs = {
  "create-user": {
    username: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    "full-name": { type: "string" },
    superuser: { type: "boolean" },
    role: { type: "string", multiple: true },
  },
  "create-api-key": {
    name: { type: "string" },
    type: { type: "string" },
    role: { type: "string" },
    "expires-at": { type: "string" },
  },
  demo: {
    scale: { type: "string" },
  },
} as const;

function parse<C extends keyof typeof specs>(command: C, args: string[]) {
  try {
    return parseArgs({ args, options: specs[command], strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

function required(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== "string" || values[n] === "");
  if (missing.length) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(", ")}.\n${USAGE}`);
}

async function withContext<T>(fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const { db } = await getDatabaseHandle();
  try {
    return await fn({ db, actor: systemActor("admin-cli") });
  } catch (error) {
    if (error instanceof Invalid && Object.keys(error.fieldErrors).length > 1) {
      const lines = Object.entries(error.fieldErrors).map(([field, messages]) => `  --${field}: ${messages.join(" ")}`);
      throw new Error(`Invalid input:\n${lines.join("\n")}`);
    }
    if (isAppError(error)) throw new Error(error.message);
    throw error;
  } finally {
    await closeAppDatabase();
  }
}

function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "help" || wantsHelp(argv)) {
    // Asked for, the usage is the answer: stdout and exit 0 (without a command it is a usage error, below).
    console.log(USAGE);
    return;
  }
  if (command === undefined) throw new UsageError(USAGE);
  if (command === "create-user") {
    const v = parse(command, rest);
    required(v, ["username", "email", "password"]);
    const user = await withContext((ctx) =>
      createUser(ctx, {
        username: v.username ?? "",
        email: v.email ?? "",
        password: v.password ?? "",
        fullName: v["full-name"],
        isSuperuser: v.superuser ?? false,
        roles: v.role ?? [],
      }),
    );
    const kind = user.isSuperuser ? "superuser" : "user";
    console.log(`Created ${kind} ${user.username} <${user.email}>${user.roles.length ? ` with roles ${user.roles.join(", ")}` : ""} (id ${user.id}).`);
    return;
  }
  if (command === "create-api-key") {
    const v = parse(command, rest);
    required(v, ["name", "type"]);
    const type = v.type;
    if (type !== "client" && type !== "server" && type !== "admin") throw new UsageError(`--type must be client, server or admin (got "${type}").`);
    const key = await withContext((ctx) => createApiKey(ctx, { name: v.name ?? "", type, role: v.role, expiresAt: v["expires-at"] }));
    console.log(`Created ${key.type} API key "${key.name}" (id ${key.id}${key.role ? `, role ${key.role}` : ""}).`);
    console.log("Store it now: it is shown only once and cannot be recovered.");
    console.log(key.key);
    return;
  }
  if (command === "demo") {
    const v = parse(command, rest);
    const scale = v.scale === undefined ? 1 : Number(v.scale);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 20) throw new UsageError(`--scale must be a number above 0 and at most 20 (got "${v.scale}").`);
    const started = Date.now();
    const report = await withContext((ctx) => createDemoData(ctx.db, ctx.actor, { scale }));
    for (const e of report.experiments) console.log(`Created ${e.type} experiment ${e.key} with ${e.users.toLocaleString("en")} users.`);
    if (report.flags.length) console.log(`Created flags ${report.flags.join(", ")}.`);
    console.log(`Owner: ${report.owner}. Results are computed; done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (report.createdUser) console.log(`Sign in as "${report.createdUser.username}" with the password ${report.createdUser.password} (shown once).`);
    return;
  }
  throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
}

runCli(() => main(process.argv.slice(2)));
