import { passwordProblems, ValidationFailed } from '@app/common';

/** 400 AUTH_PASSWORD_WEAK naming `password` when the password breaks the policy. */
export function checkPassword(password: string, email: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw new ValidationFailed(problems.map((message) => ({ field: 'password', message })), 'AUTH_PASSWORD_WEAK', 'The password is too weak');
}
