/** Accounts the seeded e2e server creates with the admin CLI before it starts. */
export const SEEDED_USERS = [
  { username: "pmanager", email: "pm@example.com", password: "product-manager-pw", flags: ["--role", "experimenter", "--full-name", "Pat Manager"] },
  { username: "viewer", email: "viewer@example.com", password: "viewer-password", flags: ["--role", "viewer"] },
  { username: "throttled", email: "throttled@example.com", password: "throttled-password", flags: ["--role", "viewer"] },
  { username: "admin", email: "admin@example.com", password: "admin-password", flags: ["--superuser"] },
] as const;

export function seededUser(username: (typeof SEEDED_USERS)[number]["username"]) {
  const user = SEEDED_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no seeded user ${username}`);
  return user;
}

/** API keys the seeded server creates with the admin CLI; specs read them with `seededKeys()`. */
export const SEEDED_KEYS = [
  { name: "web", flags: ["--type", "client"] },
  { name: "backend", flags: ["--type", "server"] },
  { name: "readonly-ops", flags: ["--type", "admin", "--role", "viewer"] },
  { name: "ops", flags: ["--type", "admin", "--role", "admin"] },
] as const;

export const keysFile = (port: string) => `e2e/.artifacts/keys-${port}.json`;

/** The seeded server's own log output (see serve.ts), searched for secrets by logs.spec.ts. */
export const serverLogFile = (port: string) => `e2e/.artifacts/server-${port}.log`;
