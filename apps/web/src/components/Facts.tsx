import type { ReactNode } from 'react';

/** Label–value pairs as a description list (`facts` inline under a heading, `stat` as large numbers). */
export function Facts({
  items,
  variant = 'facts',
}: {
  items: readonly (readonly [label: ReactNode, value: ReactNode] | false | null | undefined)[];
  variant?: 'facts' | 'stat';
}) {
  return (
    <dl className={variant}>
      {items.map(
        (item, i) =>
          item && (
            <div key={i}>
              <dt>{item[0]}</dt>
              <dd>{item[1]}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
