import { frameworkChanges } from './framework-changes';
import type { FrameworkIndicator, IndexFramework } from './framework';

const text = (id: string) => ({ id, en: id });
const indicator = (key: string, options = ['a', 'b']): FrameworkIndicator => ({
  key,
  scope: 'region',
  label: text(key),
  options: options.map((o, i) => ({ key: o, score: i, guidance: text(o), evidence: { type: 'none' } })),
});
const framework = (...variables: FrameworkIndicator[][]): IndexFramework => ({
  key: 'f',
  label: text('f'),
  method: { decimals: 2, minInnovations: 1 },
  bands: [],
  aspects: [{ key: 'x', label: text('x'), variables: variables.map((indicators, v) => ({ key: `v${v}`, label: text('v'), indicators })) }],
});
const base = framework([indicator('p'), indicator('q')], [indicator('r')]);

describe('frameworkChanges', () => {
  it.each<[string, IndexFramework, Partial<ReturnType<typeof frameworkChanges>>]>([
    [
      'nothing',
      base,
      { addedIndicators: [], removedIndicators: [], addedOptions: [], removedOptions: [], reordered: false, changed: false },
    ],
    [
      'an indicator added',
      framework([indicator('p'), indicator('q'), indicator('s')], [indicator('r')]),
      { addedIndicators: ['s'], reordered: false, changed: true },
    ],
    ['an indicator removed', framework([indicator('p')], [indicator('r')]), { removedIndicators: ['q'], reordered: false }],
    ['indicators swapped', framework([indicator('q'), indicator('p')], [indicator('r')]), { reordered: true, addedIndicators: [] }],
    ['an indicator moved to another variable', framework([indicator('p')], [indicator('q'), indicator('r')]), { reordered: true }],
    [
      'options added and removed',
      framework([indicator('p', ['a', 'c']), indicator('q')], [indicator('r')]),
      { addedOptions: ['p.c'], removedOptions: ['p.b'], reordered: false },
    ],
    ['options swapped', framework([indicator('p', ['b', 'a']), indicator('q')], [indicator('r')]), { reordered: true, addedOptions: [] }],
    [
      'a label edited',
      framework([{ ...indicator('p'), label: text('P!') }, indicator('q')], [indicator('r')]),
      { changed: true, reordered: false, addedIndicators: [] },
    ],
  ])('%s', (_, after, expected) => expect(frameworkChanges(base, after)).toMatchObject(expected));
});
