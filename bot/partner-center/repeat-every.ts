/**
 * Runs `task` every `intervalMs` on an unref'd timer (it never keeps the process alive), never two runs
 * at once; a run still going when the next is due skips that one. Returns the function that stops it.
 * `task` reports its own failures; one that escapes goes to `onError`.
 */
export function repeatEvery(
  intervalMs: number,
  task: () => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
