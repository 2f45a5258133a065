/** The longest interval a Node.js timer takes (about 24.8 days); longer ones would fire at once. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Runs `task` every `intervalMs` (at most `LONGEST_TIMER_MS`) on an unref'd timer (it never keeps the process alive), never two runs
 * at once; a run still going when the next is due skips that one. Returns the function that stops it.
 * `task` reports its own failures; one that escapes goes to `onError`.
 */
export function repeatEvery(
  intervalMs: number,
  task: () => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(
    () => {
      if (running) return;
      running = true;
      task()
        .catch(onError)
        .finally(() => {
          running = false;
        });
    },
    Math.min(intervalMs, LONGEST_TIMER_MS),
  );
  timer.unref();
  return () => clearInterval(timer);
}
