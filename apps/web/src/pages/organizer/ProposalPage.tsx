import { InnovationFrame, ReadOnlyProposal } from '../InnovationFrame';

/** The organizer's page of one innovation: the proposal and its evidence, read-only, and the status history. */
export function ProposalPage({ id }: { id: string }) {
  return (
    <InnovationFrame
      id={id}
      back={{ to: (i) => `/panitia/edisi/${encodeURIComponent(i.competitionId)}/inovasi`, label: 'org.nav.innovations' }}
    >
      {(ctx) => <ReadOnlyProposal {...ctx} />}
    </InnovationFrame>
  );
}
