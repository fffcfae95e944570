import { Conflict, DomainError, Forbidden, HTTP_STATUS_OF_KIND, NotFound, ValidationFailed, type DomainErrorKind } from './domain-error';
import { IllegalTransition, targetsFor, type ActorTransitionTable } from './transition';

describe('DomainError', () => {
  it.each<[string, DomainError, DomainErrorKind, number]>([
    ['base default', new DomainError('X_Y', 'm'), 'invalid', 400],
    ['base with kind', new DomainError('FILE_TOO_LARGE', 'm', undefined, 'too_large'), 'too_large', 413],
    ['unsupported', new DomainError('FILE_TYPE', 'm', undefined, 'unsupported'), 'unsupported', 415],
    ['unauthorized', new DomainError('AUTH', 'm', undefined, 'unauthorized'), 'unauthorized', 401],
    ['ValidationFailed', new ValidationFailed([{ field: 'a', message: 'b' }]), 'invalid', 400],
    ['NotFound', new NotFound('N', 'm'), 'not_found', 404],
    ['Conflict', new Conflict('C', 'm'), 'conflict', 409],
    ['Forbidden', new Forbidden('F', 'm'), 'forbidden', 403],
  ])('%s has kind %s → HTTP %d', (_name, error, kind, status) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe(kind);
    expect(HTTP_STATUS_OF_KIND[error.kind]).toBe(status);
  });

  it('keeps code, message, details and the subclass name', () => {
    const error = new Conflict('COMPETITION_PLAN_FROZEN', 'frozen', { status: 'judging' });
    expect(error).toMatchObject({ code: 'COMPETITION_PLAN_FROZEN', message: 'frozen', details: { status: 'judging' }, name: 'Conflict' });
  });

  it('ValidationFailed lists the fields in details and in the message', () => {
    const error = new ValidationFailed(
      [
        { field: 'title', message: 'Innovation title is required.' },
        { field: 'documents', message: 'At least one evidence document is required.' },
      ],
      'SUBMISSION_INCOMPLETE',
      'Not ready',
    );
    expect(error.code).toBe('SUBMISSION_INCOMPLETE');
    expect(error.details.fields.map((f) => f.field)).toEqual(['title', 'documents']);
    expect(error.message).toBe('Not ready: title: Innovation title is required.; documents: At least one evidence document is required.');
    expect(new ValidationFailed([{ field: 'x', message: 'y' }]).code).toBe('VALIDATION_FAILED');
  });
});

describe('IllegalTransition', () => {
  it('names the current state and the allowed ones', () => {
    const error = new IllegalTransition('T_ILLEGAL', { subject: 'competition', from: 'open', to: 'archived', allowed: ['judging'] });
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toBe('Cannot move competition from "open" to "archived": it is "open", from which it may move to "judging".');
    expect(error.details).toEqual({ from: 'open', to: 'archived', allowed: ['judging'] });
  });

  it('names the actor, and says when nothing is allowed', () => {
    const error = new IllegalTransition('T', { subject: 'innovation', from: 'withdrawn', to: 'draft', actor: 'opd', allowed: [] });
    expect(error.message).toBe(
      'Cannot move innovation from "withdrawn" to "draft" as opd: it is "withdrawn", from which opd may move it to nothing (final state).',
    );
  });

  it('gives a guard reason instead of the list', () => {
    const error = new IllegalTransition('T', { subject: 'x', from: 'a', to: 'b', allowed: ['b'], reason: 'too late' });
    expect(error.message).toBe('Cannot move x from "a" to "b": too late.');
    expect(error.details).toMatchObject({ reason: 'too late', allowed: ['b'] });
  });
});

describe('targetsFor', () => {
  const table: ActorTransitionTable<'a' | 'b' | 'c', 'x' | 'y'> = { a: { b: ['x'], c: ['x', 'y'] }, b: { c: ['y'] }, c: {} };
  it.each([
    ['a', 'x', ['b', 'c']],
    ['a', 'y', ['c']],
    ['b', 'x', []],
    ['c', 'y', []],
  ] as const)('from %s as %s → %j', (from, actor, expected) => {
    expect(targetsFor(table, from, actor)).toEqual(expected);
  });
});
