import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationDeliveryModule, NotificationGuards } from '@app/notifications';
import { SHEET_UNSUBMITTED_GUARD } from './judging.events';
import { JUDGING_ENTITIES } from './persistence/judging.entities';
import { JudgingRepository } from './persistence/judging.repository';

/** Delivery-time checks of the jury's notifications; loaded by the API and the worker alike. */
@Injectable()
export class JudgingGuards implements OnModuleInit {
  constructor(
    private readonly guards: NotificationGuards,
    private readonly repo: JudgingRepository,
  ) {}

  onModuleInit(): void {
    // A reminder matters only while the assignment is active, its stage open with the deadline it names (not
    // moved since), and its sheet not submitted.
    this.guards.register(SHEET_UNSUBMITTED_GUARD, (payload) =>
      this.repo.reminderStillDue(String(payload.assignmentId), typeof payload.dueAt === 'string' ? payload.dueAt : null),
    );
  }
}

@Module({
  imports: [TypeOrmModule.forFeature(JUDGING_ENTITIES), NotificationDeliveryModule],
  providers: [JudgingRepository, JudgingGuards],
})
export class JudgingGuardsModule {}
