import type { ButtonHTMLAttributes, ReactNode } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean;
  busyLabel: ReactNode;
}

/** A button that is disabled and says so while its action runs (long actions cannot be sent twice). */
export function BusyButton({ busy, busyLabel, disabled, children, ...rest }: Props) {
  return (
    <button {...rest} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy ? busyLabel : children}
    </button>
  );
}
