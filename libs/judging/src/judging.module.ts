import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetitionsModule, CompetitionsService } from '@app/competitions';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { InnovationAccessRegistry, SubmissionsModule } from '@app/submissions';
import { JUDGING_ENTITIES } from './persistence/judging.entities';
import { JudgingRepository } from './persistence/judging.repository';
import { PipelineService } from './pipeline.service';
import { ScheduleService } from './schedule.service';
import { JuryService } from './jury.service';
import { AssignmentsService } from './assignments.service';
import { JudgingEvents } from './judging.events';
import { GivenScoresRegistry } from './given-scores';
import { JudgingGuardsModule } from './judging.guards';
import { JuryController, PipelineController } from './judging.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature(JUDGING_ENTITIES),
    CompetitionsModule,
    SubmissionsModule,
    IdentityModule,
    NotificationsModule,
    JudgingGuardsModule,
  ],
  providers: [JudgingRepository, PipelineService, ScheduleService, AssignmentsService, JuryService, JudgingEvents, GivenScoresRegistry],
  controllers: [PipelineController, JuryController],
  exports: [PipelineService, AssignmentsService, JuryService, JudgingRepository, GivenScoresRegistry, ScheduleService],
})
export class JudgingModule implements OnModuleInit {
  constructor(
    private readonly access: InnovationAccessRegistry,
    private readonly repo: JudgingRepository,
    private readonly competitions: CompetitionsService,
    private readonly events: JudgingEvents,
  ) {}

  /** Jurors read the dossiers of innovations they are assigned to, sit on the panel of, or verify. */
  onModuleInit(): void {
    // A moved deadline moves the scoring reminders of the stage's assignments with it.
    this.competitions.onWindowsMoved(async (tx, competitionId, changes) => {
      for (const stage of new Set(changes.filter((c) => c.field === 'closesAt').map((c) => c.stage)))
        await this.events.rescheduleReminders(tx, competitionId, stage);
    });
    this.access.register(async (actor, innovationId) => {
      if (actor.role !== 'juror') return false;
      return this.repo.jurorReadsInnovation(actor.id, innovationId);
    });
  }
}
