import { afterEach, describe, expect, it, vi } from "vitest";
import { repeatEvery } from "./repeat";

afterEach(() => vi.useRealTimers());

describe("repeatEvery", () => {
  it("runs at once and on every tick, but never starts a run while one is in progress", async () => {
    vi.useFakeTimers();
    const finishers: Array<() => void> = [];
    const run = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    const stop = repeatEvery(1_000, run);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000); // three ticks while the first run is still going
    expect(run).toHaveBeenCalledTimes(1);
    finishers[0]!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    finishers[1]!();
    await stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("waits for the run in progress when stopped", async () => {
    let finish!: () => void;
    const stop = repeatEvery(60_000, () => new Promise<void>((resolve) => (finish = resolve)));
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
