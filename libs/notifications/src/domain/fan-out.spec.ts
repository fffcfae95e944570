import { fanOut, type NotificationEvent, type Recipient } from './fan-out';

const NOW = new Date('2025-06-01T03:00:00Z'); // 10:00 WIB
const event: NotificationEvent = {
  type: 'stage_opened',
  payload: { competition: 'IGA', competitionId: 'c1', stage: 'Presentasi' },
  dedupeKey: 'stage_opened:c1:presentation',
  competitionId: 'c1',
};
const ani: Recipient = { id: 'u-ani', email: 'ani@x.go.id', locale: 'id', digest: 'immediate' };
const ben: Recipient = { id: 'u-ben', email: 'ben@x.go.id', locale: 'en', digest: 'daily' };

describe('fanOut', () => {
  it('writes an inbox row and an email row per recipient, in their locale', () => {
    const rows = fanOut(event, [ani, ben], NOW, 7);
    expect(rows.map((r) => [r.recipientId, r.channel, r.locale, r.address, r.held, r.availableAt.toISOString(), r.dedupeKey])).toEqual([
      ['u-ani', 'inbox', 'id', null, false, '2025-06-01T03:00:00.000Z', 'stage_opened:c1:presentation@u-ani/inbox'],
      ['u-ani', 'email', 'id', 'ani@x.go.id', false, '2025-06-01T03:00:00.000Z', 'stage_opened:c1:presentation@u-ani/email'],
      ['u-ben', 'inbox', 'en', null, false, '2025-06-01T03:00:00.000Z', 'stage_opened:c1:presentation@u-ben/inbox'],
      ['u-ben', 'email', 'en', 'ben@x.go.id', true, '2025-06-02T00:00:00.000Z', 'stage_opened:c1:presentation@u-ben/email'],
    ]);
    expect(rows.every((r) => r.competitionId === 'c1' && r.guard === null)).toBe(true);
  });

  it.each<[string, string, string]>([
    ['a reminder for later', '2025-06-03T01:00:00Z', '2025-06-04T00:00:00.000Z'],
    ['an instant already past', '2025-05-01T00:00:00Z', '2025-06-02T00:00:00.000Z'],
  ])('%s: inbox at max(now, availableAt), a daily mail at the next digest after it', (_name, at, digestAt) => {
    const rows = fanOut({ ...event, availableAt: new Date(at), guard: 'judging.sheet-unsubmitted' }, [ben], NOW, 7);
    const expectedInbox = new Date(at) > NOW ? new Date(at) : NOW;
    expect(rows[0].availableAt).toEqual(expectedInbox);
    expect(rows[1].availableAt.toISOString()).toBe(digestAt);
    expect(rows.every((r) => r.guard === 'judging.sheet-unsubmitted')).toBe(true);
  });

  it('writes nothing for no recipients', () => {
    expect(fanOut(event, [], NOW, 7)).toEqual([]);
  });
});
