import { Injectable } from '@nestjs/common';
import type { Channel, OutboxType } from '../domain';

export interface GuardContext {
  type: OutboxType;
  recipientId: string;
  channel: Channel;
  competitionId: string | null;
}

/** "Does this notification still matter?" — asked just before delivery; false sends nothing. */
export type NotificationGuard = (payload: Record<string, unknown>, message: GuardContext) => Promise<boolean>;

const GUARD_NAME = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

/**
 * Guards other modules register by name (`<context>.<question>`, e.g. `judging.sheet-unsubmitted`) and pass
 * to `notify({ guard })`. Register in `onModuleInit` of a provider that both the API and the worker load.
 */
@Injectable()
export class NotificationGuards {
  private readonly guards = new Map<string, NotificationGuard>();

  register(name: string, guard: NotificationGuard): void {
    if (!GUARD_NAME.test(name)) throw new Error(`notification guard name "${name}" must look like "context.question"`);
    if (this.guards.has(name) && this.guards.get(name) !== guard) throw new Error(`notification guard "${name}" is already registered`);
    this.guards.set(name, guard);
  }

  /** Throws when no guard has that name in this process (the delivery then fails and is retried). */
  async isRelevant(name: string, payload: Record<string, unknown>, message: GuardContext): Promise<boolean> {
    const guard = this.guards.get(name);
    if (!guard) throw new Error(`no notification guard "${name}" is registered in this process`);
    return guard(payload, message);
  }
}
