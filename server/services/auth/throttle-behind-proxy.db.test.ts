import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { forwardedClientAddress } from "../../auth/client-address";
import { TooManyRequests, Unauthenticated } from "../../errors";
import { systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { THROTTLE_POLICY } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await createUser(systemContext(h.db), { username: "ivan", email: "ivan@example.com", password: "ivans right password" });
});
afterAll(() => h.close());

describe("sign-in throttling behind one trusted proxy", () => {
  it("holds when the attacker forges a new X-Forwarded-For entry on every try", async () => {
    const now = new Date("2026-05-01T10:00:00Z");
    // The proxy appends the address it saw (203.0.113.9) after whatever the client wrote.
    const address = (attempt: number) => forwardedClientAddress(`10.9.${attempt}.1, 203.0.113.9`, "10.0.0.1", 1);
    for (let attempt = 0; attempt < THROTTLE_POLICY.perAccountAndAddress; attempt++) {
      await expect(verifyCredentials(h.db, { identifier: "ivan", password: `guess ${attempt}` }, address(attempt), now)).rejects.toThrow(Unauthenticated);
    }
    await expect(verifyCredentials(h.db, { identifier: "ivan", password: "guess again" }, address(99), now)).rejects.toThrow(TooManyRequests);
  });
});
