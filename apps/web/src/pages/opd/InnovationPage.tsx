import type { Innovation } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { InnovationFrame, ReadOnlyProposal } from '../InnovationFrame';
import { EligibilityRules } from './EligibilityRules';
import { EvidenceSection } from './EvidenceSection';
import { ImpactEvidence } from './ImpactEvidence';
import { ProposalEditor } from './ProposalEditor';
import { ScoreBreakdown } from './ScoreBreakdown';

const EDITABLE: readonly Innovation['status'][] = ['draft', 'returned'];

/** One of the OPD's innovations: the editor while it is a draft or returned, else the read-only proposal; its survey evidence of impact. */
export function InnovationPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <InnovationFrame id={id} back={{ to: '/opd', label: 'nav.myInnovations' }}>
      {({ innovation, competition, documents, update }) =>
        EDITABLE.includes(innovation.status) ? (
          <>
            <EligibilityRules plan={competition.plan} />
            <ProposalEditor
              innovation={innovation}
              competition={competition}
              onChange={(next) => update(next, EDITABLE.includes(next.status) ? undefined : { key: 'innovation.submitted' })}
              evidence={(error) => (
                <EvidenceSection innovationId={innovation.id} documents={documents.data ?? []} onChanged={documents.reload} error={error} />
              )}
            />
            <ImpactEvidence innovationId={innovation.id} />
          </>
        ) : (
          <>
            <p className="panel">{t('innovation.readOnly')}</p>
            <ScoreBreakdown innovation={innovation} />
            <ReadOnlyProposal innovation={innovation} competition={competition} documents={documents} />
            <ImpactEvidence innovationId={innovation.id} />
          </>
        )
      }
    </InnovationFrame>
  );
}
