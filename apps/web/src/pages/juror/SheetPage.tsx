import { useState } from 'react';
import { competition as loadCompetition } from '../../api/endpoints';
import { surveyEvidence } from '../../api/citizen';
import { sheetOf } from '../../api/juror';
import { awardEntry } from '../../api/awards';
import { DocumentList } from '../../components/DocumentList';
import { Facts } from '../../components/Facts';
import { Loading } from '../../components/Loading';
import { ProposalView } from '../../components/proposal/ProposalView';
import { SurveyEvidenceSection } from '../../components/SurveyEvidence';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { ConflictDeclaration } from './ConflictDeclaration';
import { ScoreSheet } from './ScoreSheet';

/**
 * One assignment: the dossier (profile, proposal sections, documents, survey evidence of impact), the score sheet
 * (the evidence summarised again next to the benefit/impact criteria) and the conflict declaration.
 */
export function SheetPage({ id }: { id: string }) {
  const { t, pick, formatDate } = useI18n();
  const state = useLoad(async () => {
    const view = await sheetOf(id);
    const [competition, evidence] = await Promise.all([loadCompetition(view.innovation.competitionId), surveyEvidence(view.innovation.id)]);
    // A region award's entry: what the region prepared (presenter, materials, the innovations it shows).
    return { view, competition, evidence, entry: competition.plan.regionAward ? await awardEntry(view.innovation.id) : null };
  }, [id]);
  const [declared, setDeclared] = useState(false);
  usePageTitle(state.data?.view.innovation.title);
  return (
    <article className="stack">
      <p>
        <Link to="/juri">← {t('jury.back')}</Link>
      </p>
      <Loading state={state}>
        {({ view, competition, evidence, entry }) => {
          const { assignment, innovation } = view;
          const category = competition.plan.categories.find((c) => c.key === innovation.category);
          const stageStatus = assignment.stageStatus ?? 'open';
          // A correction for an upheld objection is scored although its stage closed.
          const readOnlyReason = declared
            ? t('jury.declared')
            : stageStatus !== 'open' && !assignment.correction
              ? t(`jury.stage.${stageStatus}`)
              : undefined;
          return (
            <>
              <header className="stack">
                <h1>{innovation.title}</h1>
                <Facts
                  items={[
                    [t('innovation.competition'), competition.name],
                    [t('jury.stage'), pick(assignment.stageLabel)],
                    [t('innovation.category'), category ? pick(category.label) : innovation.category],
                    [t('jury.dueLabel'), assignment.dueAt ? formatDate(assignment.dueAt, true) : t('jury.noDue')],
                  ]}
                />
                <p>
                  <a href="#sheet-title">{t('jury.sheetTitle')} ↓</a>
                </p>
              </header>
              <section className="stack" aria-labelledby="dossier-title">
                <h2 id="dossier-title">{t('jury.dossier')}</h2>
                {entry && (
                  <section className="panel stack" aria-labelledby="entry-title">
                    <h3 id="entry-title">{t('award.jury.title')}</h3>
                    <Facts
                      items={[
                        [
                          t('award.col.presenter'),
                          [entry.presenterName, entry.presenterPosition].filter(Boolean).join(', ') || t('award.none'),
                        ],
                        [t('award.col.iid'), String(entry.iid)],
                        [t('award.col.showcase'), entry.showcase.map((s) => s.title).join('; ') || t('award.none')],
                      ]}
                    />
                    {entry.materialsUrl && (
                      <p>
                        <a href={entry.materialsUrl} target="_blank" rel="noopener noreferrer">
                          {t('award.jury.materials')}
                        </a>
                      </p>
                    )}
                  </section>
                )}
                <ProposalView innovation={innovation} sections={competition.plan.proposalForm.sections} />
                <h2>{t('jury.documents')}</h2>
                <DocumentList documents={view.documents} />
                <SurveyEvidenceSection evidence={evidence} />
              </section>
              <ScoreSheet
                key={`${view.sheet.version}-${view.sheet.status}`}
                view={view}
                onReload={state.reload}
                readOnlyReason={readOnlyReason}
                evidence={evidence}
              />
              {view.sheet.status !== 'submitted' && !declared && (
                <ConflictDeclaration innovationId={innovation.id} onDeclared={() => setDeclared(true)} />
              )}
            </>
          );
        }}
      </Loading>
    </article>
  );
}
