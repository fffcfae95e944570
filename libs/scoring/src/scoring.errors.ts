/** Invalid scoring input (DESIGN §4.9): the CLI maps it to exit code 2, the API to a 400. */
export class ScoringInputError extends Error {
  readonly code = 'SCORING_INVALID_INPUT';
  /** As DomainError's kind in @app/common: a 400 at the API. */
  readonly kind = 'invalid';

  constructor(message: string) {
    super(message);
    this.name = 'ScoringInputError';
  }
}
