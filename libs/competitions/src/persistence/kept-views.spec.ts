import { KeptViews } from './competitions.repository';

describe('KeptViews (the bodies GET /api/competitions/:id keeps per process)', () => {
  it('keeps one body per competition, the latest one kept', () => {
    const views = new KeptViews();
    views.keep('a', 's1', '{"n":1}');
    views.keep('a', 's2', '{"n":2}');
    expect(views.get('a')).toMatchObject({ stamp: 's2', json: '{"n":2}' });
    expect(views.size).toBe(1);
  });

  it('holds at most maxEntries bodies and maxChars of JSON, dropping the oldest kept first', () => {
    const views = new KeptViews(2, 10);
    views.keep('a', 's', '1234');
    views.keep('b', 's', '1234');
    views.keep('c', 's', '1234');
    expect([views.get('a'), views.get('b')?.json, views.get('c')?.json]).toEqual([undefined, '1234', '1234']);
    views.keep('d', 's', '12345678');
    expect([views.get('b'), views.get('c'), views.get('d')?.json]).toEqual([undefined, undefined, '12345678']);
    views.keep('e', 's', '12345678901');
    expect(views.get('e')).toBeUndefined();
    expect(views.size).toBe(1);
  });

  it('forgets a body after an hour (its stamp is checked on every read anyway)', () => {
    let now = 0;
    const views = new KeptViews(10, 100, () => now);
    views.keep('a', 's', '{}');
    now = 59 * 60_000;
    expect(views.get('a')?.json).toBe('{}');
    now = 60 * 60_000;
    expect(views.get('a')).toBeUndefined();
    expect(views.size).toBe(0);
  });
});
