import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SEEDED_PORT } from "../playwright.config";
import { seededKeys } from "./keys";
import { SEEDED_USERS, serverLogFile } from "./users";

/**
 * Runs last (files run in name order): after every other spec has signed in, failed to sign in, and
 * used and revoked keys, the seeded server's log holds none of the passwords or keys it was given.
 */
test("the server's logs of the whole run hold no password and no API key", () => {
  const log = readFileSync(serverLogFile(SEEDED_PORT), "utf8");
  expect(log.length, "the log was captured").toBeGreaterThan(1000);
  expect(log).toMatch(/"msg":"request"/);
  const secrets = [...SEEDED_USERS.map((u) => u.password), "erins long password", "erins newer password", ...Object.values(seededKeys())];
  for (const secret of secrets) expect(log.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
  // Nor any argon2 hash, which a logged database error would carry among its parameters.
  expect(log).not.toMatch(/\$argon2id\$/);
});
