import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { resetChangeFeed } from "./change-feed";
import { FlagDefinitionsCache } from "./flag-definitions";

describe("FlagDefinitionsCache when LISTEN fails", () => {
  it("still serves definitions (fresh within the 30-second expiry) instead of failing every request", async () => {
    resetChangeFeed();
    const warn = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handle = { listen: () => Promise.reject(new Error("LISTEN refused")) } as unknown as DatabaseHandle;
    let loads = 0;
    const cache = new FlagDefinitionsCache(async () => ({ version: `v${++loads}`, flags: new Map() }));
    expect((await cache.definitions(handle)).version).toBe("v1");
    expect((await cache.definitions(handle)).version).toBe("v1");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("LISTEN for cache invalidation failed"));
    warn.mockRestore();
  });
});
