import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/types';
import { I18nProvider } from '../i18n/I18nContext';
import { HistoryList } from './HistoryList';

const entries = [
  { from: null, to: 'draft', stage: null, actorRole: 'opd', actorName: 'Tim RSUD', reason: null, at: '2026-09-01T01:00:00Z' },
  { from: 'draft', to: 'submitted', stage: null, actorRole: 'opd', actorName: 'Tim RSUD', reason: null, at: '2026-09-02T01:00:00Z' },
  { from: 'pending', to: 'passed', stage: 'screening', actorRole: 'organizer', actorName: 'Panitia', reason: 'lengkap', at: '2026-09-03T01:00:00Z' },
  { from: 'pending', to: 'eliminated', stage: 'desk_review', actorRole: 'system', actorName: null, reason: null, at: '2026-09-04T01:00:00Z' },
] as HistoryEntry[];

describe('HistoryList', () => {
  it('shows status and stage-result labels, never translation keys', () => {
    render(
      <I18nProvider>
        <HistoryList entries={entries} stageLabel={(key) => ({ screening: 'Seleksi administrasi', desk_review: 'Penilaian proposal' })[key] ?? key} />
      </I18nProvider>,
    );
    const text = screen.getByRole('list').textContent!;
    expect(text).not.toMatch(/status\.|role\./);
    expect(text).toContain('Menunggu keputusan → Lolos · tahap Seleksi administrasi');
    expect(text).toContain('Menunggu keputusan → Tidak lolos · tahap Penilaian proposal');
    expect(text).toContain('oleh sistem');
    expect(text).toContain('Draf → Diajukan');
  });
});
