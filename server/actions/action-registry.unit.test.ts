import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY } from "./action-registry";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Every module under app/ that starts with the "use server" directive: each export is a server action. */
function serverActionModules(dir = join(root, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return serverActionModules(full);
    if (!/\.(ts|tsx)$/.test(entry.name)) return [];
    return /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(full, "utf8")) ? [relative(root, full)] : [];
  });
}

function exportedNames(file: string): string[] {
  const source = readFileSync(join(root, file), "utf8");
  return [...source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Za-z0-9_$]+)/g)].map((m) => m[1] ?? "");
}

describe("the server action registry", () => {
  const found = serverActionModules().flatMap((file) => exportedNames(file).map((name) => `${file}#${name}`));

  it("finds the app's action modules", () => {
    expect(found.length).toBeGreaterThanOrEqual(20);
  });

  it("lists every exported server action, and nothing that no longer exists", () => {
    const listed = ACTION_REGISTRY.map((a) => `${a.file}#${a.name}`);
    expect(found.filter((a) => !listed.includes(a)), "server actions missing from server/actions/action-registry.ts").toEqual([]);
    expect(listed.filter((a) => !found.includes(a)), "registry entries with no such action").toEqual([]);
  });

  it("lists each action once", () => {
    const listed = ACTION_REGISTRY.map((a) => `${a.file}#${a.name}`);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
