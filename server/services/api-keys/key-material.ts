import { hash, randomBytes } from "node:crypto";
import type { ApiKeyType } from "@/db/schema";

/**
 * API keys look like `exp_server_<43 base64url chars>` (256 random bits). The type is readable in the
 * key so a leaked one is easy to classify; the stored prefix (type plus 8 secret characters) lets a
 * person tell keys apart without the key being recoverable.
 */
export function generateApiKey(type: ApiKeyType): { key: string; prefix: string; keyHash: string } {
  const secret = randomBytes(32).toString("base64url");
  const key = `exp_${type}_${secret}`;
  return { key, prefix: `exp_${type}_${secret.slice(0, 8)}`, keyHash: hashApiKey(key) };
}

/**
 * Keys carry 256 random bits, so a fast unsalted hash is safe, and it allows an O(1) lookup by hash.
 * One-shot `crypto.hash` costs about a third of `createHash(...).update(...).digest()`: it runs per SDK request.
 */
export function hashApiKey(key: string): string {
  return hash("sha256", key, "hex");
}
