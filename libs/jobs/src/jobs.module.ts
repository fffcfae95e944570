import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** BullMQ on REDIS_URL (absent: `JobQueue.enabled` is false and nothing connects). */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
