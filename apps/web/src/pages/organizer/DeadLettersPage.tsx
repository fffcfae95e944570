import { deadLetters, replay } from '../../api/organizer';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import '../staff.css';

/** Notifications that failed every delivery attempt (GET /api/admin/outbox?status=dead), each replayable. */
export function DeadLettersPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('org.dead.title'));
  const state = useLoad(() => deadLetters(), []);
  const { busy, error, run } = useAction<string>();
  const [notice, setNotice] = useNotice();
  const send = (id: string) =>
    void run(id, async () => {
      setNotice(null);
      await replay(id);
      setNotice({ key: 'org.dead.replayed' });
      state.reload();
    });
  return (
    <article className="stack">
      <p>
        <Link to="/panitia">← {t('nav.editions')}</Link>
      </p>
      <h1>{t('org.dead.title')}</h1>
      <p className="lead">{t('org.dead.intro')}</p>
      <ErrorSummary error={error} />
      <Notice message={notice} />
      <Loading state={state}>
        {(items) =>
          items.length === 0 ? (
            <p className="panel">{t('org.dead.none')}</p>
          ) : (
            <Table
              caption={t('org.dead.caption', { n: items.length })}
              columns={[
                t('org.col.type'),
                t('org.col.channel'),
                { label: t('org.col.attempts'), num: true },
                t('org.col.lastError'),
                t('org.col.created'),
                t('org.col.action'),
              ]}
            >
              {items.map((m) => (
                <tr key={m.id}>
                  <td>{m.type}</td>
                  <td>{m.channel}</td>
                  <td className="num">
                    {m.attempts} / {m.maxAttempts}
                  </td>
                  <td>{typeof m.lastError === 'string' ? m.lastError : t('common.none')}</td>
                  <td>{formatDate(m.createdAt, true)}</td>
                  <td>
                    <BusyButton
                      type="button"
                      className="secondary"
                      busy={busy === m.id}
                      busyLabel={t('org.working')}
                      disabled={busy !== null}
                      onClick={() => send(m.id)}
                      aria-label={`${t('org.dead.replay')}: ${m.type} ${formatDate(m.createdAt, true)}`}
                    >
                      {t('org.dead.replay')}
                    </BusyButton>
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </article>
  );
}
