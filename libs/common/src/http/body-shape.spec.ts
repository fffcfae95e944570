import { bodyShapeProblem, MAX_BODY_DEPTH } from './body-shape';

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('bodyShapeProblem', () => {
  it.each([
    ['a flat object', { email: 'a@b.c', n: 1 }, null],
    ['nesting at the limit', nested(MAX_BODY_DEPTH - 1), null],
    ['an emoji (a well-formed surrogate pair)', { title: 'SiTaro 🚑' }, null],
    ['null, numbers, arrays of scalars', [null, 1, 'x'], null],
    ['nesting past the limit', nested(MAX_BODY_DEPTH + 1), 'BODY_TOO_DEEP'],
    ['3,000 levels', { plan: nested(3000) }, 'BODY_TOO_DEEP'],
    ['a lone high surrogate in a value', { email: '\ud800@demo.local' }, 'INVALID_TEXT'],
    ['a lone low surrogate deep down', { plan: { stages: [{ key: 'x\udc00' }] } }, 'INVALID_TEXT'],
    ['a lone surrogate in a key', { ['\ud800']: 1 }, 'INVALID_TEXT'],
    ['a CSV body with a lone surrogate', 'email\n\ud800@x.y', 'INVALID_TEXT'],
  ])('%s', (_label, body, code) => {
    expect(bodyShapeProblem(body)?.code ?? null).toBe(code);
  });

  it('names the field where it went wrong', () => {
    expect(bodyShapeProblem({ plan: { stages: [{ key: 'x\udc00' }] } })?.details.fields).toEqual([
      { field: 'plan.stages[0].key', message: expect.stringContaining('surrogate') },
    ]);
    expect(bodyShapeProblem({ plan: nested(3000) })?.details.fields[0].field).toMatch(/^plan(\.a)+$/);
  });
});
