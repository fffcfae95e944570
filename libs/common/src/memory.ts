/**
 * A full garbage collection now, when the process runs with `--expose-gc` (the API's start scripts, its Docker image
 * and the bench start it so); elsewhere (tests, the CLI) nothing. For the rare operation that allocates hundreds of
 * MB at once and then goes quiet — publishing a national ranking: V8 keeps what such a burst left committed (dead
 * objects not yet collected, pages it does not give back) and the next burst stacks on top of it; collected at once,
 * the memory is reused or returned instead (bench/RESULTS.md, "Publication": peaks 567 / 752 MiB → ≈ 340 MiB for
 * corrections after the first publication in the same process). Never called per request: it pauses the process
 * for the time of a full collection (tens of milliseconds with the API's live heap).
 */
export function collectGarbageNow(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}
