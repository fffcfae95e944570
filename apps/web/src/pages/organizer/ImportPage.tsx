import { useState, type FormEvent } from 'react';
import {
  importCsv,
  importNationalAreas,
  type ImportedOrganizations,
  type ImportedUsers,
  type ImportKind,
  type ImportResult,
  type NationalAreasImport,
  type RegionTagsImport,
} from '../../api/organizer';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ImportErrors, rowErrors } from '../../components/staff/RowErrors';
import { Field } from '../../components/Field';
import { Table } from '../../components/staff/Table';
import { Working } from '../../components/staff/Working';
import { OperationProgress } from '../../components/OperationProgress';
import { useOperation } from '../../components/useOperation';
import { useAction } from '../../components/useAction';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { useAuth } from '../../auth/AuthContext';
import '../staff.css';

function Created({ kind, result }: { kind: ImportKind; result: ImportResult }) {
  const { t } = useI18n();
  if (kind === 'organizations')
    return <p className="notice">{t('org.import.created', { n: (result as ImportedOrganizations).created })}</p>;
  if (kind === 'region-tags') {
    const tags = result as RegionTagsImport;
    return (
      <Table
        caption={t('org.import.tagsUpdated', { n: tags.updated, same: tags.unchanged })}
        columns={[t('org.import.code'), t('org.col.name'), t('org.import.tags')]}
      >
        {tags.items.map((r) => (
          <tr key={r.id}>
            <td className="mono">{r.code}</td>
            <td>{r.name}</td>
            <td>{r.tags.join(', ') || '—'}</td>
          </tr>
        ))}
      </Table>
    );
  }
  const users = result as ImportedUsers;
  return (
    <Table
      caption={t('org.import.created', { n: users.created })}
      columns={[t('auth.email'), t('org.col.name'), t('org.col.role'), t('org.import.invitation')]}
    >
      {users.items.map((u) => (
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
  const tracker = useOperation(`import:${kind}`);
  const name = `csv-${kind}`;
  const send = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    void run('run', async () => setResult(await importCsv(kind, csv, tracker.begin()).finally(tracker.end)));
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
      <ImportErrors
        error={error}
        labels={{
          title: t('org.import.refused', { n: rowErrors(error).length }),
          caption: t('org.import.rowErrors'),
          row: t('org.col.row'),
          column: t('org.col.column'),
          problem: t('org.col.problem'),
        }}
      />
      <div className="actions">
        <BusyButton
          type="submit"
          className="primary"
          busy={busy !== null}
          busyLabel={t('org.import.importing')}
          disabled={!csv.trim() || tracker.active}
        >
          {t('org.import.send')}
        </BusyButton>
        <OperationProgress tracker={tracker} />
      </div>
      {result && <Created kind={kind} result={result} />}
    </form>
  );
}

/** The official provinces, kabupaten and kota from the data package, with what the import changed. */
function NationalAreas() {
  const { t } = useI18n();
  const [result, setResult] = useState<NationalAreasImport | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section className="panel stack" aria-labelledby="national-areas-title">
      <h2 id="national-areas-title">{t('org.import.areas')}</h2>
      <p className="hint">{t('org.import.areasHint')}</p>
      <ErrorSummary error={error} />
      <div className="actions">
        <BusyButton
          type="button"
          className="primary"
          busy={busy !== null}
          busyLabel={t('org.import.importing')}
          onClick={() => void run('run', async () => setResult(await importNationalAreas()))}
        >
          {t('org.import.areasSend')}
        </BusyButton>
        <Working busy={busy !== null} label={t('org.import.importing')} />
      </div>
      {result && (
        <Table
          caption={t('org.import.areasDone', { source: result.source })}
          columns={[t('org.import.areasWhat'), { label: t('org.import.areasCount'), num: true }]}
        >
          {(
            [
              ['provinces', result.provinces],
              ['kabupaten', result.kabupaten],
              ['kota', result.kota],
              ['created', result.created],
              ['updated', result.updated],
              ['unchanged', result.unchanged],
            ] as const
          ).map(([key, n]) => (
            <tr key={key}>
              <td>{t(`org.import.areas.${key}`)}</td>
              <td className="num">{n}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

/** POST /api/imports/organizations and /users: all rows or none; admins also load the national areas and region tags. */
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
      {session?.user.role === 'admin' && <NationalAreas />}
      {session?.user.role === 'admin' && <CsvImport kind="region-tags" />}
    </article>
  );
}
