import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { errorForLog, redactedMessage } from "./log-error";

const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0$aGFzaA";

describe("errors in logs", () => {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: "23505" });
  const failed = new DrizzleQueryError('insert into "users" ("email", "hashed_password") values ($1, $2)', ["ann@example.com", hash], cause);

  it("keep the SQL and the database's reason, never the bound parameters", () => {
    for (const text of [errorForLog(failed), redactedMessage(failed)]) {
      expect(text).toContain('insert into "users"');
      expect(text).toContain("params: [2 redacted]");
      expect(text).toContain('violates unique constraint "users_email_key"');
      expect(text).not.toContain(hash);
      expect(text).not.toContain("ann@example.com");
    }
    expect(errorForLog(failed)).toMatch(/\n\s+at /);
  });

  it("leave other errors as they are", () => {
    expect(redactedMessage(new Error("boom"))).toBe("boom");
    expect(errorForLog("plain")).toBe("plain");
  });

  it("stop on a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(redactedMessage(a)).toBe("a\ncaused by: b");
  });
});
