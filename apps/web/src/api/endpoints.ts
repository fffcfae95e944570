import { api, call, callAs } from './client';
import type { InnovationUpdate } from './types';

const path = (id: string) => ({ params: { path: { id } } });

export const signIn = (email: string, password: string) => call(api.POST('/api/auth/login', { body: { email, password } }));
export const signOut = () => call(api.POST('/api/auth/logout', { body: {} }));
/** Always answered 202, whether or not the address has an account. */
export const requestPasswordReset = (email: string) => callAs<void>(api.POST('/api/auth/password-reset', { body: { email } }));
/** The one-time link of an invitation or reset e-mail, and the new password. */
export const setAccountPassword = (purpose: 'invitation' | 'reset', token: string, password: string) =>
  callAs<void>(
    purpose === 'invitation'
      ? api.POST('/api/auth/invitations/accept', { body: { token, password } })
      : api.POST('/api/auth/password-reset/confirm', { body: { token, password } }),
  );

export const competition = (id: string) => call(api.GET('/api/competitions/{id}', path(id)));
export const createDraft = (competitionId: string, title: string) =>
  call(api.POST('/api/competitions/{id}/innovations', { params: { path: { id: competitionId } }, body: { title } }));

export const innovation = (id: string) => call(api.GET('/api/innovations/{id}', path(id)));
export const updateInnovation = (id: string, body: InnovationUpdate) => call(api.PATCH('/api/innovations/{id}', { ...path(id), body }));
export const submitInnovation = (id: string) => call(api.POST('/api/innovations/{id}/submit', path(id)));
export const historyOf = (id: string) => call(api.GET('/api/innovations/{id}/history', path(id)));
export const returnInnovation = (id: string, comment: string) =>
  call(api.POST('/api/innovations/{id}/return', { ...path(id), body: { comment } }));
export const forwardInnovation = (id: string, comment: string) =>
  call(api.POST('/api/innovations/{id}/forward', { ...path(id), body: comment.trim() ? { comment } : {} }));

export const documentsOf = (id: string) => call(api.GET('/api/innovations/{id}/documents', path(id)));
export const deleteDocument = (id: string) => callAs<void>(api.DELETE('/api/documents/{id}', path(id)));

export const waiting = () => call(api.GET('/api/me/waiting'));
/** The OPD's innovations across editions, grouped by edition (newest first); open editions even when empty. */
export const myInnovations = () => call(api.GET('/api/me/innovations'));
