import { useState, type FormEvent } from 'react';
import { awardEntries, prepareEntry, type AwardEntry } from '../../api/awards';
import { myCompetitions } from '../../api/organizer';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';

/** `/coordinator/penghargaan`: the region's entries in region awards, each prepared here until its presentation. */
export function AwardEntryPage() {
  const { t } = useI18n();
  usePageTitle(t('award.coord.title'));
  const state = useLoad(async () => {
    const awards = (await myCompetitions()).filter((c) => c.plan.regionAward);
    return (await Promise.all(awards.map(async (c) => (await awardEntries(c.id)).map((entry) => ({ competition: c.name, entry }))))).flat();
  }, []);
  return (
    <article className="stack">
      <h1>{t('award.coord.title')}</h1>
      <p className="lead">{t('award.coord.intro')}</p>
      <Loading state={state}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="panel">{t('award.coord.empty')}</p>
          ) : (
            rows.map(({ competition, entry }) => <EntryForm key={entry.id} competition={competition} entry={entry} />)
          )
        }
      </Loading>
    </article>
  );
}

export function EntryForm({ competition, entry: initial }: { competition: string; entry: AwardEntry }) {
  const { t, formatNumber } = useI18n();
  const [entry, setEntry] = useState(initial);
  const [form, setForm] = useState({
    presenterName: entry.presenterName ?? '',
    presenterPosition: entry.presenterPosition ?? '',
    materialsUrl: entry.materialsUrl ?? '',
    showcase: entry.showcase.map((s) => s.id),
  });
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const fieldError = (name: string) => action.error?.fields.find((f) => f.field === name || f.field.startsWith(`${name}[`))?.message;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void action.run('run', async () => {
      setEntry(await prepareEntry(entry.id, { ...form, version: entry.version }));
      setSaved(true);
    });
  };
  const toggle = (id: string) =>
    setForm((f) => ({ ...f, showcase: f.showcase.includes(id) ? f.showcase.filter((x) => x !== id) : [...f.showcase, id] }));
  return (
    <section className="panel stack" aria-labelledby={`entry-${entry.id}`}>
      <h2 id={`entry-${entry.id}`}>
        {competition}: {entry.regionName}
      </h2>
      <p>{t('award.coord.iid', { iid: formatNumber(entry.iid), category: entry.category })}</p>
      {!entry.editable && <p className="panel warning">{t('award.coord.locked')}</p>}
      <ErrorSummary error={action.error} />
      {saved && <p role="status">{t('award.coord.saved')}</p>}
      <form onSubmit={submit} className="stack">
        <fieldset disabled={!entry.editable} className="stack">
          <Field name={`presenterName-${entry.id}`} label={t('award.coord.presenterName')} error={fieldError('presenterName')}>
            {(p) => (
              <input
                {...p}
                value={form.presenterName}
                maxLength={200}
                onChange={(e) => setForm({ ...form, presenterName: e.target.value })}
              />
            )}
          </Field>
          <Field name={`presenterPosition-${entry.id}`} label={t('award.coord.presenterPosition')} error={fieldError('presenterPosition')}>
            {(p) => (
              <input
                {...p}
                value={form.presenterPosition}
                maxLength={200}
                onChange={(e) => setForm({ ...form, presenterPosition: e.target.value })}
              />
            )}
          </Field>
          <Field
            name={`materialsUrl-${entry.id}`}
            label={t('award.coord.materialsUrl')}
            hint={t('award.coord.materialsHint')}
            error={fieldError('materialsUrl')}
          >
            {(p) => (
              <input
                {...p}
                type="url"
                value={form.materialsUrl}
                maxLength={1000}
                onChange={(e) => setForm({ ...form, materialsUrl: e.target.value })}
              />
            )}
          </Field>
          <fieldset>
            <legend>{t('award.coord.showcase')}</legend>
            {fieldError('showcase') && <p className="field-error">{fieldError('showcase')}</p>}
            {(entry.options ?? []).map((o) => (
              <label key={o.id} className="check">
                <input type="checkbox" checked={form.showcase.includes(o.id)} disabled={!o.eligible} onChange={() => toggle(o.id)} />{' '}
                {o.title}
                {!o.eligible && <span className="muted"> ({t('award.coord.notEligible')})</span>}
              </label>
            ))}
          </fieldset>
          <BusyButton type="submit" busy={action.busy === 'run'} busyLabel={t('award.coord.saving')}>
            {t('award.coord.save')}
          </BusyButton>
        </fieldset>
      </form>
    </section>
  );
}
