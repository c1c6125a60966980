/**
 * Runs `poll` at once, then `intervalMs` after each run ends, until the returned stop is called.
 * `poll` must not throw; `active()` tells it whether the loop was stopped while it ran (a poll
 * cut short by a stop has nothing to report). The timer never keeps a process alive.
 */
export function pollEvery(
  intervalMs: number,
  poll: (active: () => boolean) => Promise<void>,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const active = (): boolean => !stopped;
  const schedule = (delayMs: number): void => {
    timer = setTimeout(run, delayMs);
    // Never the reason a process stays alive.
    timer.unref();
  };
  const run = async (): Promise<void> => {
    await poll(active);
    // A poll in flight when the loop stopped never reschedules.
    if (!stopped) schedule(intervalMs);
  };
  schedule(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
