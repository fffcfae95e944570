import { useState } from 'react';
import { downloads, type RankingView } from '../../api/public';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n/I18nContext';
import { canHash, checkSnapshot, type SnapshotCheck } from './verify';

/** How anyone checks the published ranking: the snapshot's hash and version, and the two commands. */
export function VerifySection({ view }: { view: RankingView }) {
  const { t, formatDate } = useI18n();
  const { snapshot } = view;
  const json = downloads.snapshot(snapshot.id);
  return (
    <section className="panel stack verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('pub.verify.title')}</h2>
      <p>{t('pub.verify.intro')}</p>
      <dl className="stack">
        <div>
          <dt>{t('pub.verify.hash')}</dt>
          <dd>
            <code className="mono">{snapshot.hash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('pub.verify.version')}</dt>
          <dd>{t('pub.verify.versionOf', { version: snapshot.version, date: formatDate(snapshot.publishedAt, true) })}</dd>
        </div>
      </dl>
      <ol className="steps">
        <li>
          {t('pub.verify.step1')}{' '}
          <pre>
            <code>curl -o snapshot.json {`${location.origin}${json}`}</code>
          </pre>
          <a href={json} download="snapshot.json">
            {t('pub.verify.download')}
          </a>
        </li>
        <li>
          {t('pub.verify.step2')}{' '}
          <pre>
            <code>npm run -s cli -- verify snapshot.json</code>
          </pre>
        </li>
      </ol>
      <BrowserCheck view={view} />
    </section>
  );
}

function BrowserCheck({ view }: { view: RankingView }) {
  const { t } = useI18n();
  const [result, setResult] = useState<SnapshotCheck | 'unavailable' | null>(null);
  const { busy, error, run } = useAction();
  const check = () => run('run', async () => setResult(canHash() ? await checkSnapshot(view) : 'unavailable'));
  const ok = result !== null && result !== 'unavailable' && result.hashOk && result.differing === 0;
  const tone = result === null || result === 'unavailable' ? '' : ok ? ' ok' : ' bad';
  return (
    <div className="stack">
      <p className="hint">{t('pub.verify.browserHint')}</p>
      <p>
        <BusyButton
          type="button"
          className="secondary"
          busy={busy !== null}
          busyLabel={t('pub.verify.checking')}
          onClick={() => void check()}
        >
          {t('pub.verify.check')}
        </BusyButton>
      </p>
      <ErrorSummary error={error} />
      <p role="status" className={`check-result${tone}`}>
        {result === 'unavailable'
          ? t('pub.verify.unavailable')
          : result &&
            (ok
              ? t('pub.verify.ok', { hash: result.hash, n: result.rows })
              : t(result.hashOk ? 'pub.verify.rowsDiffer' : 'pub.verify.hashDiffers', { hash: result.hash, n: result.differing }))}
      </p>
    </div>
  );
}
