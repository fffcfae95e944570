import { clampProgress, isUuid, retentionCutoff, writeNow } from './operation';

describe('writeNow', () => {
  const p = (phase: string, done = 1) => ({ phase, done, total: 10 });
  it.each([
    ['the first report', null, p('a'), 0, true],
    ['a new phase within the interval', { at: 0, phase: 'a' }, p('b'), 10, true],
    ['the same phase within the interval', { at: 0, phase: 'a' }, p('a', 2), 199, false],
    ['the same phase once the interval is over', { at: 0, phase: 'a' }, p('a', 2), 200, true],
  ])('%s', (_name, previous, next, now, expected) => {
    expect(writeNow(previous, next, now, 200)).toBe(expected);
  });
});

describe('clampProgress', () => {
  it.each([
    [
      { phase: 'x', done: 3, total: 2 },
      { phase: 'x', done: 2, total: 2 },
    ],
    [
      { phase: 'x', done: -1, total: -5 },
      { phase: 'x', done: 0, total: 0 },
    ],
    [
      { phase: 'x', done: 2.7, total: 0 },
      { phase: 'x', done: 2, total: 0 },
    ],
    [
      { phase: 'y'.repeat(50), done: 0, total: 1 },
      { phase: 'y'.repeat(40), done: 0, total: 1 },
    ],
  ])('%j → %j', (input, expected) => {
    expect(clampProgress(input)).toEqual(expected);
  });
});

describe('isUuid', () => {
  it.each([
    ['0b5f3c9e-2f4a-4c3e-9d7a-1a2b3c4d5e6f', true],
    ['not-a-uuid', false],
    [undefined, false],
    [['0b5f3c9e-2f4a-4c3e-9d7a-1a2b3c4d5e6f'], false],
  ])('%j → %s', (input, expected) => {
    expect(isUuid(input)).toBe(expected);
  });
});

describe('retentionCutoff', () => {
  it.each([
    ['7 days', '2026-12-08T00:00:00Z', 7, '2026-12-01T00:00:00Z'],
    ['1 day', '2026-12-08T10:30:00Z', 1, '2026-12-07T10:30:00Z'],
    ['across a month', '2026-03-02T00:00:00Z', 3, '2026-02-27T00:00:00Z'],
  ])('%s', (_name, now, days, expected) => {
    expect(retentionCutoff(new Date(now), days).toISOString()).toBe(new Date(expected).toISOString());
  });
});
