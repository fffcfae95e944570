/** An indeterminate progress bar while a long action runs (the button beside it is disabled meanwhile). */
export function Working({ busy, label }: { busy: boolean; label: string }) {
  return busy ? <progress className="working" aria-label={label} /> : null;
}
