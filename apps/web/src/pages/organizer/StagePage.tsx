import type { Competition, Stage } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { EditionFrame } from './EditionFrame';
import { AssignPanel, CalibrationPanel, ProgressPanel } from './JuryPanels';
import { FieldVisitPanel, PresentationPanel } from './SchedulePanels';
import { ScreeningPanel } from './ScreeningPanel';
import { StageControl } from './StageControl';

/** What the organizer does in a stage besides opening and closing it, by the stage's kind. */
function StageWork({ competition, stage, reload }: { competition: Competition; stage: Stage; reload(): void }) {
  if (stage.kind === 'screening') return <ScreeningPanel competition={competition} stageKey={stage.key} onDone={reload} />;
  if (!stage.rubric.length) return null;
  return (
    <>
      {stage.kind === 'presentation' && <PresentationPanel competition={competition} stageKey={stage.key} />}
      {stage.kind === 'field_verification' && <FieldVisitPanel competition={competition} stageKey={stage.key} />}
      <AssignPanel competition={competition} stage={stage} onDone={reload} />
      <ProgressPanel competition={competition} stage={stage} />
      <CalibrationPanel competition={competition} stage={stage} />
    </>
  );
}

/** One stage of an edition: open/close (forced with a reason when work is unfinished) and the stage's work. */
export function StagePage({ id, stageKey }: { id: string; stageKey: string }) {
  const { t } = useI18n();
  return (
    <EditionFrame id={id} title="org.stage.title">
      {({ competition, reload }) => {
        const stage = competition.plan.stages.find((s) => s.key === stageKey);
        if (!stage) return <p className="panel">{t('org.stage.unknown', { key: stageKey })}</p>;
        return (
          <>
            <StageControl competition={competition} stage={stage} onChanged={reload} />
            <StageWork competition={competition} stage={stage} reload={reload} />
          </>
        );
      }}
    </EditionFrame>
  );
}
