import type { FieldError } from '@app/kernel';
import type { InnovationProfile, ProposalFormView } from './innovation-profile';

/** A proposal section over its word limit. */
export interface WordLimitError extends FieldError {
  words: number;
  maxWords: number;
}

/** Words = whitespace-separated tokens with at least one letter or digit (a lone "–" is not a word). */
export function wordCount(text: string | null | undefined): number {
  if (!text) return 0;
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** One error per section of the form whose text exceeds its `maxWords`, at `sections.KEY`. */
export function checkWordLimits(sections: InnovationProfile['sections'], form: ProposalFormView): WordLimitError[] {
  const errors: WordLimitError[] = [];
  for (const section of form.sections) {
    const words = wordCount(sections?.[section.key]);
    if (words > section.maxWords)
      errors.push({
        field: `sections.${section.key}`,
        message: `Section "${section.label.en}" has ${words} words; the limit is ${section.maxWords}.`,
        code: 'FIELD_WORD_LIMIT',
        params: { words, max: section.maxWords },
        words,
        maxWords: section.maxWords,
      });
  }
  return errors;
}
