import { addMonths, formatJakartaTime, isIsoDate, isIsoInstant, jakartaDate } from './calendar';

describe('calendar (Jakarta time)', () => {
  it.each([
    ['2025-06-30T16:59:59Z', '2025-06-30', '30 Jun 2025, 23:59 WIB'],
    ['2025-06-30T17:00:00Z', '2025-07-01', '1 Jul 2025, 00:00 WIB'],
    ['2024-12-31T23:30:00+07:00', '2024-12-31', '31 Dec 2024, 23:30 WIB'],
  ])('%s is %s, shown as %s', (iso, date, shown) => {
    expect(jakartaDate(new Date(iso))).toBe(date);
    expect(formatJakartaTime(new Date(iso))).toBe(shown);
  });

  it('names the months in Indonesian for locale id', () => {
    expect(formatJakartaTime(new Date('2025-08-17T02:00:00Z'), 'id')).toBe('17 Agu 2025, 09:00 WIB');
    expect(formatJakartaTime(new Date('2025-12-24T17:30:00Z'), 'id')).toBe('25 Des 2025, 00:30 WIB');
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['2024-04-01T00:00:00Z', false],
    [20240401, false],
    [null, false],
  ])('isIsoDate(%j) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2025-06-30T23:59:59+07:00', true],
    ['2025-06-30T16:59:59.123Z', true],
    ['2025-06-30T16:59Z', true],
    ['2025-06-30T23:59:59', false],
    ['2025-06-30', false],
    ['2025-02-30T00:00:00Z', false],
    ['2025-06-30T24:00:00Z', false],
    ['2025-06-30T10:00:00+7:00', false],
    ['soon', false],
    [null, false],
  ])('isIsoInstant(%j) = %s', (value, expected) => {
    expect(isIsoInstant(value)).toBe(expected);
  });

  it.each([
    ['2024-01-15', 12, '2025-01-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-05-10', 0, '2024-05-10'],
  ])('addMonths(%s, %d) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
