import { EditionFrame } from './EditionFrame';
import { PlanEditor } from './PlanEditor';

export function PlanPage({ id }: { id: string }) {
  return (
    <EditionFrame id={id} title="org.nav.plan">
      {({ competition, setCompetition }) => <PlanEditor competition={competition} onSaved={setCompetition} />}
    </EditionFrame>
  );
}
