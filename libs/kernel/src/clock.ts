/** The clock is injected so tests can move time; domain code takes `now` as an argument instead. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
