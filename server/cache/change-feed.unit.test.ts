import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { type ChangeKind, CHANGE_CHANNEL, onChange, resetChangeFeed } from "./change-feed";

type Listen = DatabaseHandle["listen"];

/** A database whose LISTEN fails `failures` times, then succeeds; the test drives notices and reconnects. */
function fakeDatabase(failures: number) {
  let attempts = 0;
  const state = { notify: (_payload: string) => {}, reconnect: () => {}, attempts: () => attempts };
  const listen: Listen = async (channel, onNotify, onListen) => {
    attempts++;
    expect(channel).toBe(CHANGE_CHANNEL);
    if (attempts <= failures) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    state.notify = onNotify;
    state.reconnect = () => onListen?.();
    onListen?.();
    return async () => {};
  };
  return { handle: { listen }, state };
}

afterEach(() => resetChangeFeed());

describe("onChange", () => {
  it("delivers announced kinds to every listener and ignores unknown payloads", async () => {
    const db = fakeDatabase(0);
    const a: ChangeKind[] = [];
    const b: ChangeKind[] = [];
    await onChange(db.handle, (kind) => a.push(kind));
    const stop = await onChange(db.handle, (kind) => b.push(kind));
    db.state.notify("role");
    db.state.notify("bogus");
    stop();
    db.state.notify("api_key");
    expect(a).toEqual(["all", "role", "api_key"]);
    expect(b).toEqual(["role"]);
    expect(db.state.attempts()).toBe(1);
  });

  it("does not fail its subscribers when LISTEN fails, and retries until it succeeds", async () => {
    const db = fakeDatabase(2);
    const heard: ChangeKind[] = [];
    // Before: the rejected LISTEN was kept, and every later subscription (every SDK request) failed with it.
    await expect(onChange(db.handle, (kind) => heard.push(kind))).resolves.toBeTypeOf("function");
    await expect(onChange(db.handle, () => {})).resolves.toBeTypeOf("function");
    expect(heard).toEqual([]);
    await expect.poll(() => db.state.attempts(), { timeout: 3000 }).toBe(3);
    // Notices may have been missed while nothing listened: everything cached is dropped.
    expect(heard).toEqual(["all"]);
    db.state.notify("experiment");
    expect(heard).toEqual(["all", "experiment"]);
  });

  it("tells every listener to drop everything when the LISTEN is re-established", async () => {
    const db = fakeDatabase(0);
    const heard: ChangeKind[] = [];
    await onChange(db.handle, (kind) => heard.push(kind));
    db.state.reconnect();
    expect(heard).toEqual(["all", "all"]);
  });
});
