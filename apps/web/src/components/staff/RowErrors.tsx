import type { ApiError } from '../../api/errors';
import { ErrorSummary } from '../ErrorSummary';
import { Table } from './Table';

/** A row the API refused in a CSV import (details.errors of its 400); row 1 is the header. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}
export const rowErrors = (error: ApiError | null): RowError[] =>
  Array.isArray(error?.details.errors) ? (error.details.errors as RowError[]) : [];

/** A refused import's every bad row and column in a table; any other error as the usual summary. */
export function ImportErrors({
  error,
  labels,
}: {
  error: ApiError | null;
  labels: { title: string; caption: string; row: string; column: string; problem: string };
}) {
  const rows = rowErrors(error);
  if (!rows.length) return <ErrorSummary error={error} />;
  return (
    <div className="error-summary" role="alert">
      <p className="error-title">{labels.title}</p>
      <Table caption={labels.caption} columns={[{ label: labels.row, num: true }, labels.column, labels.problem]}>
        {rows.map((r, i) => (
          <tr key={`${r.row}-${r.field}-${i}`}>
            <td className="num">{r.row}</td>
            <td>{r.field}</td>
            <td>{r.message}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
