/**
 * Runs `run` now and then every `intervalMs`, never two at once (a slow run delays the next instead of
 * piling up), on a timer that does not keep the process alive. The returned function stops the timer
 * and waits for a run in progress. `run` handles its own errors.
 */
export function repeatEvery(intervalMs: number, run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = run().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
