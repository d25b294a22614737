import { readFileSync } from "node:fs";
import { SEEDED_PORT } from "../playwright.config";
import { keysFile, type SEEDED_KEYS } from "./users";

/** The API keys the seeded server minted at start-up (see serve.ts). */
export function seededKeys(): Record<(typeof SEEDED_KEYS)[number]["name"], string> {
  return JSON.parse(readFileSync(keysFile(SEEDED_PORT), "utf8")) as Record<(typeof SEEDED_KEYS)[number]["name"], string>;
}
