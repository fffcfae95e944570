import { useId, type ReactNode } from 'react';
import '../../pages/staff.css';

interface Props {
  caption: ReactNode;
  /** Column headers, in order; `num` right-aligns a numeric column; `short` is shown instead of `label`, which is read out. */
  columns: readonly (string | { label: string; num?: boolean; short?: string })[];
  children: ReactNode;
}

/**
 * A data table with a caption and column headers, in a region that scrolls sideways on a phone and can be
 * focused (and so scrolled) with the keyboard.
 */
export function Table({ caption, columns, children }: Props) {
  const id = useId();
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const { label, num, short } = typeof c === 'string' ? { label: c, num: false, short: undefined } : c;
              return (
                <th key={label} scope="col" className={num ? 'num' : undefined}>
                  {short ? (
                    <>
                      <span aria-hidden="true">{short}</span>
                      <span className="visually-hidden">{label}</span>
                    </>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
