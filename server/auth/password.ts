import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane): strong, yet a sign-in costs ~30 ms here.
const options = { algorithm: 2 /* Algorithm.Argon2id, a const enum that isolatedModules cannot import */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false; // a malformed hash never verifies
  }
}

// Verifying against this when no account matches keeps "no such user" as slow as "wrong password",
// so response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-0123456789");
  await verifyPassword(await dummyHash, password);
}
