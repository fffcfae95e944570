import { useState } from 'react';
import {
  indexEdition,
  saveFramework,
  type IndexEdition,
  type IndexFramework,
  type IndexIndicator,
  type IndexOption,
} from '../../api/indexes';
import { fieldErrorText } from '../../api/errors';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { Link, useLeaveGuard } from '../../router/router';
import { freshKey, moveItem, removeItem, updateAt, updateList, type Path } from './framework-edit';
import './indexes.css';

/** `/panitia/indeks/:id/kerangka`: the framework, editable while the edition is a draft, read-only once frozen. */
export function FrameworkPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(() => indexEdition(id), [id]);
  usePageTitle(state.data && t('idx.fw.title', { edition: state.data.name }));
  return (
    <article className="stack idx">
      <p>
        <Link to={`/panitia/indeks/${id}`}>← {t('idx.fw.back')}</Link>
      </p>
      <Loading state={state}>{(edition) => <Editor key={edition.status} edition={edition} onSaved={state.setData} />}</Loading>
    </article>
  );
}

function Editor({ edition, onSaved }: { edition: IndexEdition; onSaved(e: IndexEdition): void }) {
  const { t, pick } = useI18n();
  const [framework, setFramework] = useState<IndexFramework>(edition.framework);
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const readOnly = edition.status !== 'draft';
  const dirty = framework !== edition.framework;
  useLeaveGuard(dirty && !readOnly ? t('idx.fw.leave') : null);
  const set = (path: Path, value: unknown) => setFramework((f) => updateAt(f, path, value));
  const text = (path: Path, value: string) => set(path, value);
  const num = (path: Path, value: string) => set(path, value === '' ? Number.NaN : Number(value));
  const list = (path: Path, change: (items: readonly unknown[]) => unknown[]) => setFramework((f) => updateList(f, path, change));
  const indicatorKeys = () => framework.aspects.flatMap((a) => a.variables.flatMap((v) => v.indicators.map((i) => i.key)));
  const newOption = (key: string, score: number, id: string, en: string): IndexOption => ({
    key,
    score,
    guidance: { id, en },
    evidence: { type: 'none' },
  });
  const newIndicator = (scope: IndexIndicator['scope']): IndexIndicator => ({
    key: freshKey(indicatorKeys(), 'indikator'),
    scope: scope === 'count' ? 'region' : scope,
    label: { id: 'Indikator baru', en: 'New indicator' },
    options: [newOption('tidak_ada', 0, 'Tidak ada', 'None'), newOption('ada', 1, 'Ada', 'Present')],
  });
  /** Buttons that move or remove item `at` of the list at `path`, named after `what`. */
  const itemTools = (path: Path, at: number, size: number, what: string, kind: 'indicator' | 'option') =>
    !readOnly && (
      <span className="fw-tools">
        <button
          type="button"
          className="secondary"
          disabled={at === 0}
          aria-label={t(`idx.fw.up.${kind}`, { what })}
          onClick={() => list(path, (items) => moveItem(items, at, at - 1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary"
          disabled={at === size - 1}
          aria-label={t(`idx.fw.down.${kind}`, { what })}
          onClick={() => list(path, (items) => moveItem(items, at, at + 1))}
        >
          ↓
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={size === 1}
          aria-label={t(`idx.fw.remove.${kind}`, { what })}
          onClick={() => list(path, (items) => removeItem(items, at))}
        >
          {t('idx.fw.remove')}
        </button>
      </span>
    );
  const save = async () => {
    setNotice(null);
    if (await run('run', async () => onSaved(await saveFramework(edition.id, framework)))) setNotice({ key: 'idx.fw.saved' });
  };
  const textInput = ({ path, value, label }: { path: Path; value: string; label: string }) => (
    <input aria-label={label} value={value} disabled={readOnly} onChange={(e) => text(path, e.target.value)} />
  );
  const numInput = ({ path, value, label }: { path: Path; value: number; label: string }) => (
    <input
      aria-label={label}
      type="number"
      inputMode="decimal"
      step="any"
      min={0}
      className="num-input"
      value={Number.isNaN(value) ? '' : value}
      disabled={readOnly}
      onChange={(e) => num(path, e.target.value)}
    />
  );
  return (
    <>
      <h1>{t('idx.fw.title', { edition: edition.name })}</h1>
      <p className={readOnly ? 'panel warning' : 'lead'}>{readOnly ? t('idx.fw.frozen') : t('idx.fw.intro')}</p>
      <section className="panel stack" aria-labelledby="fw-method">
        <h2 id="fw-method">{t('idx.fw.method')}</h2>
        <div className="fw-grid">
          <label>
            {t('idx.fw.decimals')}{' '}
            {numInput({
              path: ['method', 'decimals'],
              value: framework.method.decimals,
              label: t('idx.fw.decimals'),
            })}
          </label>
          <label>
            {t('idx.fw.minInnovations')}{' '}
            {numInput({
              path: ['method', 'minInnovations'],
              value: framework.method.minInnovations,
              label: t('idx.fw.minInnovations'),
            })}
          </label>
        </div>
        <h3>{t('idx.fw.bands')}</h3>
        {framework.bands.map((b, i) => (
          <div key={i} className="fw-grid">
            {textInput({
              path: ['bands', i, 'label', 'id'],
              value: b.label.id,
              label: t('idx.fw.bandLabelId', { n: i + 1 }),
            })}
            {textInput({
              path: ['bands', i, 'label', 'en'],
              value: b.label.en,
              label: t('idx.fw.bandLabelEn', { n: i + 1 }),
            })}
            {numInput({
              path: ['bands', i, 'min'],
              value: b.min,
              label: t('idx.fw.bandMin', { band: b.label.id }),
            })}
          </div>
        ))}
      </section>
      {framework.aspects.map((aspect, a) => (
        <section key={aspect.key} className="stack" aria-labelledby={`fw-${aspect.key}`}>
          <h2 id={`fw-${aspect.key}`}>{pick(aspect.label)}</h2>
          {aspect.variables.map((variable, v) => (
            <details key={variable.key} className="panel stack">
              <summary>
                {pick(variable.label)}{' '}
                <span className="muted">
                  (
                  {t('idx.fw.indicatorCount', {
                    n: variable.indicators.length,
                  })}
                  )
                </span>
              </summary>
              <div className="fw-grid">
                {textInput({
                  path: ['aspects', a, 'variables', v, 'label', 'id'],
                  value: variable.label.id,
                  label: t('idx.fw.labelId', { what: variable.label.id }),
                })}
                {textInput({
                  path: ['aspects', a, 'variables', v, 'label', 'en'],
                  value: variable.label.en,
                  label: t('idx.fw.labelEn', { what: variable.label.id }),
                })}
              </div>
              {variable.indicators.map((indicator, i) => {
                const indicators: Path = ['aspects', a, 'variables', v, 'indicators'];
                const at: Path = [...indicators, i];
                const what = indicator.label.id || indicator.key;
                return (
                  <fieldset key={i} className="stack fw-indicator">
                    <legend>
                      {pick(indicator.label)} <span className="muted">· {t(`idx.scope.${indicator.scope}` as MessageKey)}</span>
                    </legend>
                    <div className="fw-grid">
                      {textInput({ path: [...at, 'key'], value: indicator.key, label: t('idx.fw.indicatorKey', { what }) })}
                      {indicator.scope !== 'count' && (
                        <select
                          aria-label={t('idx.fw.scope', { what })}
                          value={indicator.scope}
                          disabled={readOnly}
                          onChange={(e) => set([...at, 'scope'], e.target.value)}
                        >
                          {(['region', 'innovation'] as const).map((x) => (
                            <option key={x} value={x}>
                              {t(`idx.scope.${x}`)}
                            </option>
                          ))}
                        </select>
                      )}
                      {itemTools(indicators, i, variable.indicators.length, what, 'indicator')}
                    </div>
                    <div className="fw-grid">
                      {textInput({
                        path: [...at, 'label', 'id'],
                        value: indicator.label.id,
                        label: t('idx.fw.labelId', {
                          what: indicator.label.id,
                        }),
                      })}
                      {textInput({
                        path: [...at, 'label', 'en'],
                        value: indicator.label.en,
                        label: t('idx.fw.labelEn', {
                          what: indicator.label.id,
                        }),
                      })}
                    </div>
                    {(indicator.options ?? []).map((o, k) => (
                      <div key={k} className="fw-grid fw-option">
                        {textInput({
                          path: [...at, 'options', k, 'key'],
                          value: o.key,
                          label: t('idx.fw.optionKey', { what: `${what}: ${o.guidance.id || o.key}` }),
                        })}
                        {textInput({
                          path: [...at, 'options', k, 'guidance', 'id'],
                          value: o.guidance.id,
                          label: t('idx.fw.guidanceId', { what: o.key }),
                        })}
                        {textInput({
                          path: [...at, 'options', k, 'guidance', 'en'],
                          value: o.guidance.en,
                          label: t('idx.fw.guidanceEn', { what: o.key }),
                        })}
                        {numInput({
                          path: [...at, 'options', k, 'score'],
                          value: o.score,
                          label: t('idx.fw.score', {
                            what: `${indicator.label.id}: ${o.guidance.id}`,
                          }),
                        })}
                        <select
                          aria-label={t('idx.fw.evidence', { what: o.key })}
                          value={o.evidence.type}
                          disabled={readOnly}
                          onChange={(e) =>
                            set(
                              [...at, 'options', k, 'evidence'],
                              e.target.value === 'document'
                                ? {
                                    type: 'document',
                                    kinds: o.evidence.kinds?.length ? o.evidence.kinds : ['other'],
                                  }
                                : { type: e.target.value },
                            )
                          }
                        >
                          {(['none', 'document', 'link'] as const).map((x) => (
                            <option key={x} value={x}>
                              {t(`idx.fw.evidence.${x}`)}
                            </option>
                          ))}
                        </select>
                        {itemTools([...at, 'options'], k, indicator.options!.length, `${what}: ${o.guidance.id || o.key}`, 'option')}
                      </div>
                    ))}
                    {indicator.options && !readOnly && (
                      <div className="actions">
                        <button
                          type="button"
                          className="secondary"
                          onClick={() =>
                            list([...at, 'options'], (items) => [
                              ...items,
                              newOption(
                                freshKey(
                                  (items as IndexOption[]).map((x) => x.key),
                                  'pilihan',
                                ),
                                0,
                                'Pilihan baru',
                                'New option',
                              ),
                            ])
                          }
                        >
                          {t('idx.fw.addOption', { what })}
                        </button>
                      </div>
                    )}
                    {(indicator.steps ?? []).map((s, k) => (
                      <div key={k} className="fw-grid">
                        <span>{pick(s.guidance)}</span>
                        {numInput({
                          path: [...at, 'steps', k, 'min'],
                          value: s.min,
                          label: t('idx.fw.stepMin', { n: k + 1 }),
                        })}
                        {numInput({
                          path: [...at, 'steps', k, 'score'],
                          value: s.score,
                          label: t('idx.fw.stepScore', { n: k + 1 }),
                        })}
                      </div>
                    ))}
                  </fieldset>
                );
              })}
              {!readOnly && (
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      list(['aspects', a, 'variables', v, 'indicators'], (items) => [
                        ...items,
                        newIndicator((items[0] as IndexIndicator | undefined)?.scope ?? 'region'),
                      ])
                    }
                  >
                    {t('idx.fw.addIndicator', { what: variable.label.id })}
                  </button>
                </div>
              )}
            </details>
          ))}
        </section>
      ))}
      {!readOnly && (
        <section className="panel stack save-bar">
          <ErrorSummary error={error} />
          {error && error.fields.length > 0 && (
            <p className="hint">
              {t('idx.fw.errorsHint', {
                n: error.fields.length,
                first: fieldErrorText(error.fields[0]),
              })}
            </p>
          )}
          <div className="actions">
            <BusyButton type="button" busy={busy !== null} busyLabel={t('common.saving')} disabled={!dirty} onClick={() => void save()}>
              {t('idx.fw.save')}
            </BusyButton>
          </div>
          <Notice message={notice} />
        </section>
      )}
    </>
  );
}
