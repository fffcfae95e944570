import { normalizeRegionTags, parseRegionTagCell } from './region-tag';

describe('normalizeRegionTags', () => {
  it.each([
    [[], { tags: [] }],
    [['perbatasan', 'daerah_tertinggal'], { tags: ['daerah_tertinggal', 'perbatasan'] }],
    [[' kepulauan ', 'kepulauan'], { tags: ['kepulauan'] }],
    [['Perbatasan'], { invalid: 'Perbatasan' }],
    [['x'], { invalid: 'x' }],
    [['daerah-tertinggal'], { invalid: 'daerah-tertinggal' }],
    [['1island'], { invalid: '1island' }],
    [['a'.repeat(41)], { invalid: 'a'.repeat(41) }],
  ])('%j → %j', (input, expected) => {
    expect(normalizeRegionTags(input)).toEqual(expected);
  });
});

describe('parseRegionTagCell', () => {
  it.each([
    ['', { tags: [] }],
    ['  ', { tags: [] }],
    ['perbatasan|daerah_tertinggal', { tags: ['daerah_tertinggal', 'perbatasan'] }],
    ['kepulauan perbatasan | kepulauan', { tags: ['kepulauan', 'perbatasan'] }],
    ['perbatasan|Kepulauan', { invalid: 'Kepulauan' }],
  ])('%j → %j', (input, expected) => {
    expect(parseRegionTagCell(input)).toEqual(expected);
  });
});
