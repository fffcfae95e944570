import { jurorAliases } from './juror-aliases';

describe('jurorAliases', () => {
  it('is stable under input order and pads to the count', () => {
    expect([...jurorAliases(['c', 'a', 'b', 'a'])]).toEqual([
      ['a', 'J01'],
      ['b', 'J02'],
      ['c', 'J03'],
    ]);
    expect(jurorAliases(Array.from({ length: 120 }, (_, i) => `u${String(i).padStart(3, '0')}`)).get('u119')).toBe('J120');
  });
});
