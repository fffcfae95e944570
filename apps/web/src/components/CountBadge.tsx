/** A count beside a navigation link, read out as `label` (nothing when it is 0). */
export function CountBadge({ n, label }: { n: number; label: string }) {
  if (!n) return null;
  return (
    <>
      {' '}
      <span className="count" aria-hidden="true">
        {n}
      </span>
      <span className="visually-hidden">({label})</span>
    </>
  );
}
