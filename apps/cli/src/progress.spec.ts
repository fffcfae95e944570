import { describeProgress, progressPrinter } from './progress';

const sink = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => written.push(s) };
};

describe('describeProgress', () => {
  it.each([
    [{ phase: 'waiting', done: 0, total: 0 }, 'import: waiting'],
    [{ phase: 'checking', done: 120, total: 400 }, 'import: checking 120/400 (30%)'],
    [{ phase: 'saving', done: 400, total: 400 }, 'import: saving 400/400 (100%)'],
  ])('%j → %s', (p, expected) => expect(describeProgress('import', p)).toBe(expected));
});

describe('progressPrinter', () => {
  const reports = [
    { phase: 'waiting', done: 0, total: 20 },
    { phase: 'checking', done: 1, total: 20 },
    { phase: 'checking', done: 2, total: 20 },
    { phase: 'checking', done: 3, total: 20 },
    { phase: 'checking', done: 20, total: 20 },
    { phase: 'saving', done: 0, total: 20 },
  ];

  it('writes plain lines per phase and tenth when not a terminal', () => {
    const out = sink(false);
    const printer = progressPrinter('import', out);
    reports.forEach(printer.report);
    printer.end();
    expect(out.written).toEqual([
      'import: waiting 0/20 (0%)\n',
      'import: checking 1/20 (5%)\n',
      'import: checking 2/20 (10%)\n',
      'import: checking 20/20 (100%)\n',
      'import: saving 0/20 (0%)\n',
    ]);
  });

  it('rewrites one line with a carriage return on a terminal, and ends it with a newline', () => {
    const out = sink(true);
    const printer = progressPrinter('p', out);
    printer.report({ phase: 'reading', done: 1, total: 5 });
    printer.report({ phase: 'done', done: 5, total: 5 });
    printer.end();
    expect(out.written).toEqual(['\rp: reading 1/5 (20%)', '\rp: done 5/5 (100%)  ', '\n']);
  });
});
