// "IGA 2024 (demo) — daerah terinovatif": the region award of the demo, nominated from a published index
// snapshot ("IID 2024 (demo)"), its best regions presenting and visited, the result published. Deterministic:
// every juror gives a region the same score, rising with its verified IID, so the award keeps the index's
// order — Kota Bekasi, 3rd among the kota in the demo index, is Kota Terinovatif peringkat ke-3.

import type { Actor } from '@app/common';
import type { AwardsService } from '@app/awards';
import { regionAwardTemplate, type CompetitionsService } from '@app/competitions';
import type { AssignmentsService, JuryService, PipelineService, ScheduleService } from '@app/judging';
import type { ResultsService } from '@app/results';

export const DEMO_AWARD_SLUG = 'iga-2024-daerah-demo';
export const DEMO_AWARD_NAME = 'IGA 2024 (demo) — daerah terinovatif';

export interface DemoAwardDeps {
  competitions: CompetitionsService;
  awards: AwardsService;
  pipeline: PipelineService;
  jury: JuryService;
  assignments: AssignmentsService;
  schedule: ScheduleService;
  results: ResultsService;
}

export interface DemoAwardActors {
  organizer: Actor;
  jurors: Actor[];
  /** Kota Bekasi's coordinator, who prepares its entry. */
  coordinator: Actor;
}

/** What a juror gives a region on every criterion: rising with its verified IID (0–100 → 60–100). */
export function demoAwardScore(iid: number): number {
  return Math.round(60 + 0.4 * iid);
}

const WIB = '+07:00';
const at = (monthDay: string, time: string) => new Date(`2024-${monthDay}T${time}${WIB}`);

/**
 * Seeds the award from `indexSnapshotId` unless an edition with its slug exists; returns its ids. Times are
 * those of IGA 2024 (October–November), passed to the services as "now" where they check the calendar.
 */
export async function seedAwardsDemo(
  deps: DemoAwardDeps,
  actors: DemoAwardActors,
  opts: { indexSnapshotId: string },
): Promise<{ competitionId: string; snapshotId: string } | null> {
  const { competitions, awards, pipeline, jury, assignments, schedule, results } = deps;
  const { organizer, jurors, coordinator } = actors;
  if (await competitions.bySlug(DEMO_AWARD_SLUG)) return null;
  const plan = regionAwardTemplate(2024, opts.indexSnapshotId);
  // The best three of each category and group present and are visited (fewer in a small demo index).
  plan.regionAward!.nominees = 3;
  plan.stages[1].jurorsPerInnovation = 3;
  plan.stages[2].jurorsPerInnovation = 2;
  const created = await competitions.create(organizer, {
    slug: DEMO_AWARD_SLUG,
    name: DEMO_AWARD_NAME,
    year: 2024,
    description:
      'Penghargaan daerah terinovatif dari Indeks Inovasi Daerah 2024 (demo): presentasi kepala daerah dan validasi lapangan. / Most innovative regions from the IID 2024 (demo): head of region presentations and field validation.',
    plan: plan as never,
  });
  const id = created.id;
  await competitions.open(organizer, id);
  const { entries } = await awards.nominate(organizer, id, at('10-02', '09:00:00'));

  // Kota Bekasi's coordinator prepares its entry: the mayor presents SiTaro and Patriot Mantap.
  for (const entry of (await awards.entries(coordinator, id)).filter((e) => e.regionId === coordinator.regionId)) {
    const flagship = ['SiTaro', 'Patriot Mantap'].flatMap(
      (stem) => entry.options?.filter((o) => o.eligible && o.title.startsWith(stem)).slice(0, 1) ?? [],
    );
    await awards.prepare(coordinator, entry.id, {
      presenterName: 'Tri Adhianto',
      presenterPosition: 'Wali Kota Bekasi',
      materialsUrl: 'https://www.bekasikota.go.id/',
      showcase: flagship.map((o) => o.id),
    });
  }

  const iidOf = new Map(entries.map((e) => [e.id, e.iid]));
  const rubricOf = (key: string) => plan.stages.find((st) => st.key === key)!.rubric;
  await pipeline.close(organizer, id, 'iid', {}, at('10-14', '23:00:00'));
  for (const [stage, day] of [
    ['presentation', '10-16'],
    ['field_verification', '11-04'],
  ] as const) {
    await assignments.autoAssign(organizer, id, stage, {});
    await pipeline.open(organizer, id, stage, at(day, '08:00:00'));
    const assigned = new Map<string, string[]>();
    for (const juror of jurors)
      for (const item of (await assignments.mine(juror)).items.filter((i) => i.competitionId === id && i.stage === stage))
        assigned.set(item.innovationId, [...(assigned.get(item.innovationId) ?? []), juror.id]);
    // One slot (or visit) an hour from 09:00 WIB, each region on its own day-part; the panel is its assigned jurors.
    for (const [n, entry] of entries.entries()) {
      const panel = assigned.get(entry.id) ?? [];
      if (!panel.length) continue;
      const startsAt = new Date(at(day, '09:00:00').getTime() + n * 3600_000);
      const scheduledAt = at(day, '07:00:00');
      if (stage === 'presentation')
        await schedule.schedulePresentation(
          organizer,
          entry.id,
          {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 20 * 60_000).toISOString(),
            location: 'Gedung BSKDN Kemendagri, Jakarta',
            panel,
          },
          scheduledAt,
        );
      else
        await schedule.recordFieldVisit(
          organizer,
          entry.id,
          { visitAt: startsAt.toISOString(), address: `Kantor ${entry.regionName}`, verifiers: panel },
          scheduledAt,
        );
    }
    for (const juror of jurors) {
      for (const item of (await assignments.mine(juror)).items.filter((i) => i.competitionId === id && i.stage === stage)) {
        const value = demoAwardScore(iidOf.get(item.innovationId) ?? 0);
        const scores = Object.fromEntries(rubricOf(stage).map((c) => [c.key, value]));
        const saved = await jury.saveSheet(juror, item.id, {
          scores,
          comment: 'Sesuai paparan dan bukti di lapangan. / Matches the presentation and the evidence on site.',
          confirmNoConflict: true,
          version: item.version,
        });
        await jury.submitSheet(juror, item.id, saved.version);
      }
    }
    await pipeline.close(organizer, id, stage, {}, at(stage === 'presentation' ? '10-31' : '11-20', '23:00:00'));
  }
  const days = plan.objectionWindowDays;
  await results.announce(organizer, id, days, at('11-21', '09:00:00'));
  const published = await results.publish(organizer, id, undefined, new Date(at('11-21', '09:00:00').getTime() + (days + 1) * 86400_000));
  return { competitionId: id, snapshotId: published.id };
}
