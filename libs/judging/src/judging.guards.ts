import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationDeliveryModule, NotificationGuards } from '@app/notifications';
import { SHEET_UNSUBMITTED_GUARD } from './judging.events';

/** Delivery-time checks of the jury's notifications; loaded by the API and the worker alike. */
@Injectable()
export class JudgingGuards implements OnModuleInit {
  constructor(
    private readonly guards: NotificationGuards,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    // A reminder matters only while the assignment is active, its stage open with the deadline it names (not
    // moved since), and its sheet not submitted.
    this.guards.register(SHEET_UNSUBMITTED_GUARD, async (payload) => {
      const rows: unknown[] = await this.db.query(
        `SELECT 1 FROM assignments a
           JOIN competition_stages cs ON cs.competition_id = a.competition_id AND cs.key = a.stage_key
           JOIN competitions c ON c.id = a.competition_id
           LEFT JOIN score_sheets s ON s.assignment_id = a.id
          WHERE a.id = $1 AND a.removed_at IS NULL AND cs.status = 'open' AND (s.id IS NULL OR s.status <> 'submitted')
            AND ($2::timestamptz IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.plan->'stages') st WHERE st->>'key' = a.stage_key AND (st->>'closesAt')::timestamptz = $2::timestamptz))`,
        [String(payload.assignmentId), typeof payload.dueAt === 'string' ? payload.dueAt : null],
      );
      return rows.length > 0;
    });
  }
}

@Module({ imports: [NotificationDeliveryModule], providers: [JudgingGuards] })
export class JudgingGuardsModule {}
