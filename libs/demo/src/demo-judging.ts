import { createHash } from 'node:crypto';
import type { Actor } from '@app/common';
import type { CompetitionSnapshot } from '@app/competitions';
import type { AssignmentsService, JuryService, PipelineService } from '@app/judging';

/** A deterministic number in [0, 1) from a string, so the demo scores are the same on every machine. */
function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Runs an edition through its pipeline the way a real one goes: closes submission, screens (failing the
 * ones named), then for each scored stage assigns jurors, has every juror score every sheet, and closes it.
 * Scores come from a per-innovation quality, a per-juror leniency and noise, all derived from names.
 */
export async function judgeEdition(
  deps: { pipeline: PipelineService; assignments: AssignmentsService; jury: JuryService },
  organizer: Actor,
  jurorActors: Actor[],
  competition: CompetitionSnapshot,
  opts: {
    fail?: Record<string, string>;
    boost?: Record<string, number>;
    titles: Map<string, string>;
    beforeClose?: (stageKey: string) => Promise<void>;
  },
): Promise<void> {
  const { pipeline, assignments, jury } = deps;
  const stages = competition.plan.stages;
  const submission = stages.find((s) => s.kind === 'submission')!;
  if (competition.stages.find((s) => s.key === submission.key)?.status === 'open')
    await pipeline.close(organizer, competition.id, submission.key, {});
  const screening = stages.find((s) => s.kind === 'screening');
  if (screening) {
    const opened = await pipeline.open(organizer, competition.id, screening.key);
    void opened;
    const decisions = [...opts.titles].map(([id, title]) =>
      opts.fail?.[title]
        ? { innovationId: id, decision: 'fail' as const, reason: opts.fail[title] }
        : { innovationId: id, decision: 'pass' as const },
    );
    await pipeline.screen(organizer, competition.id, decisions);
    await pipeline.close(organizer, competition.id, screening.key, {});
  }
  const byId = new Map(jurorActors.map((j) => [j.id, j]));
  for (const stage of stages.filter((s) => s.rubric.length > 0)) {
    await assignments.autoAssign(organizer, competition.id, stage.key, {});
    await pipeline.open(organizer, competition.id, stage.key);
    for (const juror of jurorActors) {
      const mine = await assignments.mine(juror);
      for (const item of mine.items.filter((i) => i.competitionId === competition.id && i.stage === stage.key)) {
        const title = opts.titles.get(item.innovationId) ?? item.title;
        const quality = 55 + 30 * unit(`quality:${title}`) + (opts.boost?.[title] ?? 0);
        const leniency = 12 * (unit(`leniency:${byId.get(juror.id)!.email}`) - 0.5);
        const scores = Object.fromEntries(
          stage.rubric.map((c) => {
            const pct = Math.min(100, Math.max(0, quality + leniency + 10 * (unit(`${stage.key}:${title}:${juror.email}:${c.key}`) - 0.5)));
            return [c.key, Math.round(c.min + ((c.max - c.min) * pct) / 100)];
          }),
        );
        const saved = await jury.saveSheet(juror, item.id, {
          scores,
          comment: 'Penilaian sesuai rubrik dan data dukung. / Scored against the rubric and the evidence.',
          confirmNoConflict: true,
          version: item.version,
        });
        await jury.submitSheet(juror, item.id, saved.version);
      }
    }
    await opts.beforeClose?.(stage.key);
    await pipeline.close(organizer, competition.id, stage.key, {});
  }
}
