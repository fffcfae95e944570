import { useState, type FormEvent } from 'react';
import { importCsv, rowErrors, type ImportedUsers, type ImportKind, type ImportResult } from '../../api/organizer';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Table } from '../../components/staff/Table';
import { Working } from '../../components/staff/Working';
import { useAction } from '../../components/useAction';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { useAuth } from '../../auth/AuthContext';
import '../staff.css';

function Created({ kind, result }: { kind: ImportKind; result: ImportResult }) {
  const { t } = useI18n();
  if (kind === 'organizations') return <p className="notice">{t('org.import.created', { n: result.created })}</p>;
  return (
    <Table caption={t('org.import.created', { n: result.created })} columns={[t('auth.email'), t('org.col.name'), t('org.col.role'), t('org.import.invitation')]}>
      {(result as ImportedUsers).items.map((u) => (
        <tr key={u.id}>
          <td>{u.email}</td>
          <td>{u.name}</td>
          <td>{u.role}</td>
          <td>{t('org.import.invited')}</td>
        </tr>
      ))}
    </Table>
  );
}

/** One CSV import: a file or pasted text, sent as text/csv; a refused file lists every bad row. */
function CsvImport({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, run } = useAction();
  const rows = rowErrors(error);
  const name = `csv-${kind}`;
  const send = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    void run('run', async () => setResult(await importCsv(kind, csv)));
  };
  return (
    <form className="panel stack" onSubmit={send} noValidate aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`}>{t(`org.import.${kind}`)}</h2>
      <p className="hint">{t(`org.import.${kind}Columns`)}</p>
      <Field name={`${name}-file`} label={t('org.import.file')}>
        {(c) => <input {...c} type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />}
      </Field>
      <Field name={name} label={t('org.import.text')}>
        {(c) => <textarea {...c} rows={6} className="mono" value={csv} onChange={(e) => setCsv(e.target.value)} />}
      </Field>
      {rows.length ? (
        <div className="error-summary" role="alert">
          <p className="error-title">{t('org.import.refused', { n: rows.length })}</p>
          <Table caption={t('org.import.rowErrors')} columns={[{ label: t('org.col.row'), num: true }, t('org.col.column'), t('org.col.problem')]}>
            {rows.map((r, i) => (
              <tr key={`${r.row}-${r.field}-${i}`}>
                <td className="num">{r.row}</td>
                <td>{r.field}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : (
        <ErrorSummary error={error} />
      )}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('org.import.importing')} disabled={!csv.trim()}>
          {t('org.import.send')}
        </BusyButton>
        <Working busy={busy !== null} label={t('org.import.importing')} />
      </div>
      {result && <Created kind={kind} result={result} />}
    </form>
  );
}

/** POST /api/imports/organizations and /users: all rows or none. */
export function ImportPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  usePageTitle(t('org.import.title'));
  return (
    <article className="stack">
      <p>
        <Link to="/panitia">← {t('nav.editions')}</Link>
      </p>
      <h1>{t('org.import.title')}</h1>
      <p className="lead">{t('org.import.intro')}</p>
      <CsvImport kind="organizations" />
      {/* Accounts are created by admins only (organizers invite jurors one by one). */}
      {session?.user.role === 'admin' && <CsvImport kind="users" />}
    </article>
  );
}
