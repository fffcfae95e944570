import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';
import { passwordProblems, ValidationFailed, type FieldError } from '@app/common';

/** zxcvbn's score 0-4; 3 means about 10^8 guesses or more ("safely unguessable" for an online attack with our login limits). */
export const MIN_PASSWORD_SCORE = 3;
/** Longer passwords are estimated on their first characters (the estimate grows with length; the cost too). */
const ESTIMATE_CHARS = 100;

let estimator: ZxcvbnFactory | null = null;
/** Built on first use: the common and Indonesian dictionaries (names, words, common passwords) and keyboard graphs. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...indonesian.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

/**
 * The password's problems as field errors on `password`: the length rules, then its strength estimated by zxcvbn
 * (against the common and Indonesian dictionaries and the account's own e-mail and name). `aaaaaaaaaa`,
 * `password123` and keyboard walks are refused.
 */
export function passwordFieldErrors(password: string, email: string, name?: string): FieldError[] {
  const basic = passwordProblems(password, email);
  if (basic.length) return basic.map((message) => ({ field: 'password', message }));
  const inputs = [email, email.split('@')[0], ...(name ? name.split(/\s+/) : [])].filter((s) => s.length >= 3);
  const result = zxcvbn().check(password.slice(0, ESTIMATE_CHARS), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return [];
  const why = result.feedback.warning ? ` (${result.feedback.warning})` : '';
  return [{ field: 'password', message: `is too easy to guess${why}: use a longer mix of unrelated words, digits and signs` }];
}

/** 400 AUTH_PASSWORD_WEAK naming `password` when the password breaks the policy. */
export function checkPassword(password: string, email: string, name?: string): void {
  const problems = passwordFieldErrors(password, email, name);
  if (problems.length) throw new ValidationFailed(problems, 'AUTH_PASSWORD_WEAK', 'The password is too weak');
}
