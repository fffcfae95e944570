import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../test/fixtures';
import { OperationProgress } from './OperationProgress';
import { useOperation } from './useOperation';

const ID = '0b5f3c9e-2f4a-4c3e-9d7a-1a2b3c4d5e6f';
const KEY = 'inovasi.operation.import:organizations';
const op = (over: Record<string, unknown>) => ({
  id: ID,
  kind: 'directory.import',
  state: 'running',
  phase: 'checking',
  done: 3,
  total: 10,
  errorCode: null,
  resultRef: null,
  competitionId: null,
  createdAt: '2026-12-06T00:00:00Z',
  updatedAt: '2026-12-06T00:00:00Z',
  finishedAt: null,
  ...over,
});

function Harness() {
  return <OperationProgress tracker={useOperation('import:organizations')} />;
}

/** Answers GET /api/operations/{id} with each of `answers` in turn (the last one from then on). */
function stubOperation(...answers: Response[]) {
  const paths: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      paths.push(new URL(request.url).pathname);
      return (answers.length > 1 ? answers.shift()! : answers[0]).clone();
    }),
  );
  return paths;
}

afterEach(() => sessionStorage.clear());

describe('OperationProgress after a page reload (the id kept in sessionStorage)', () => {
  it('shows the running operation’s phase and count, then how it ended, and forgets the id', async () => {
    sessionStorage.setItem(KEY, ID);
    const paths = stubOperation(
      json(200, op({})),
      json(200, op({ state: 'succeeded', phase: 'done', done: 10, resultRef: '10', finishedAt: '2026-12-06T00:00:01Z' })),
    );
    renderWithProviders(<Harness />);
    expect(await screen.findByText('Proses yang Anda mulai sebelum halaman dimuat ulang:')).toBeTruthy();
    expect((await screen.findByText(/Impor organisasi: Memeriksa baris/)).textContent).toBe(
      'Impor organisasi: Memeriksa baris — 3 dari 10',
    );
    const bar = screen.getByRole('progressbar', { name: 'Impor organisasi' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([3, 10]);
    expect((await screen.findByText(/Proses selesai/, {}, { timeout: 3000 })).textContent).toBe('Impor organisasi: Proses selesai.');
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(paths.every((p) => p === `/api/operations/${ID}`)).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Tutup' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a failed operation says why, in the error catalog’s words', async () => {
    sessionStorage.setItem(KEY, ID);
    stubOperation(
      json(200, op({ state: 'failed', phase: 'failed', errorCode: 'IMPORT_ORGANIZATIONS_INVALID', finishedAt: '2026-12-06T00:00:01Z' })),
    );
    renderWithProviders(<Harness />);
    expect((await screen.findByText(/Proses gagal/)).textContent).toBe(
      'Impor organisasi: Proses gagal: Berkas organisasi ditolak; perbaiki baris yang disebutkan.',
    );
  });

  it('an id the server does not know is forgotten and nothing is shown', async () => {
    sessionStorage.setItem(KEY, ID);
    stubOperation(json(404, { statusCode: 404, code: 'OPERATION_NOT_FOUND', message: 'not found' }));
    renderWithProviders(<Harness />);
    await waitFor(() => expect(sessionStorage.getItem(KEY)).toBeNull());
    expect(screen.queryByRole('status')).toBeNull();
  });
});
