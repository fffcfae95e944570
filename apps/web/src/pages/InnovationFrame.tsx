import type { ReactNode } from 'react';
import { competition as loadCompetition, documentsOf, historyOf, innovation as loadInnovation } from '../api/endpoints';
import type { Competition, DocumentInfo, Innovation } from '../api/types';
import { DocumentList } from '../components/DocumentList';
import { HistoryList } from '../components/HistoryList';
import { Loading } from '../components/Loading';
import { Notice, useNotice, type NoticeMessage } from '../components/Notice';
import { ProposalView } from '../components/proposal/ProposalView';
import { useLoad, type Loaded } from '../components/useLoad';
import { usePageTitle } from '../components/usePageTitle';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/router';
import { InnovationHeader } from './InnovationHeader';

export interface InnovationContext {
  innovation: Innovation;
  competition: Competition;
  documents: Loaded<DocumentInfo[]>;
  /** Show the innovation as an action returned it (and reload its history), with an optional notice. */
  update(next: Innovation, notice?: NoticeMessage): void;
}

interface Props {
  id: string;
  /** The back link: a path, or one made from the innovation once it is loaded (e.g. its edition's list). */
  back: { to: string | ((innovation: Innovation) => string); label: MessageKey };
  /** What the role sees between the header and the history. */
  children(ctx: InnovationContext): ReactNode;
}

/** An innovation page: back link, notice, header, the role's part, and the status history. */
export function InnovationFrame({ id, back, children }: Props) {
  const { t, pick } = useI18n();
  const main = useLoad(async () => {
    const innovation = await loadInnovation(id);
    return { innovation, competition: await loadCompetition(innovation.competitionId) };
  }, [id]);
  const documents = useLoad(() => documentsOf(id), [id]);
  const history = useLoad(() => historyOf(id), [id]);
  const [notice, setNotice] = useNotice();
  usePageTitle(main.data?.innovation.title);
  return (
    <article className="stack">
      <p>
        <Link to={typeof back.to === 'string' ? back.to : main.data ? back.to(main.data.innovation) : '/'}>← {t(back.label)}</Link>
      </p>
      <Notice message={notice} />
      <Loading state={main}>
        {({ innovation, competition }) => (
          <>
            <InnovationHeader innovation={innovation} competition={competition} history={history.data} />
            {children({
              innovation,
              competition,
              documents,
              update: (next, message) => {
                main.setData({ innovation: next, competition });
                history.reload();
                if (message) setNotice(message);
              },
            })}
          </>
        )}
      </Loading>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('history.title')}</h2>
        <Loading state={history}>
          {(entries) => (
            <HistoryList
              entries={entries}
              stageLabel={(key) => {
                const s = main.data?.competition.plan.stages.find((x) => x.key === key);
                return s ? pick(s.label) : key;
              }}
              categoryLabel={(key) => {
                const c = main.data?.competition.plan.categories.find((x) => x.key === key);
                return c && pick(c.label);
              }}
            />
          )}
        </Loading>
      </section>
    </article>
  );
}

/** The proposal and its documents, read-only. */
export function ReadOnlyProposal({ innovation, competition, documents }: Omit<InnovationContext, 'update'>) {
  const { t } = useI18n();
  return (
    <>
      <ProposalView innovation={innovation} sections={competition.plan.proposalForm.sections} />
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('docs.title')}</h2>
        <Loading state={documents}>{(docs) => <DocumentList documents={docs} />}</Loading>
      </section>
    </>
  );
}
