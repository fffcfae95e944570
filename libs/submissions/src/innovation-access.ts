import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/common';

/** Another context's rule that lets an actor read an innovation (e.g. judging: "the juror is assigned to it"). */
export type InnovationReader = (actor: Actor, innovationId: string) => Promise<boolean>;

/** Readers beyond ownership and organizers, registered by the contexts that know them. */
@Injectable()
export class InnovationAccessRegistry {
  private readonly readers: InnovationReader[] = [];

  register(reader: InnovationReader): void {
    this.readers.push(reader);
  }

  async canRead(actor: Actor, innovationId: string): Promise<boolean> {
    for (const r of this.readers) if (await r(actor, innovationId)) return true;
    return false;
  }
}
