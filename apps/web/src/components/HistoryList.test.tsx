import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/types';
import { I18nProvider } from '../i18n/I18nContext';
import { HistoryList } from './HistoryList';

const entries = [
  { from: null, to: 'draft', stage: null, actorRole: 'opd', actorName: 'Tim RSUD', reason: null, at: '2026-09-01T01:00:00Z' },
  { from: 'draft', to: 'submitted', stage: null, actorRole: 'opd', actorName: 'Tim RSUD', reason: null, at: '2026-09-02T01:00:00Z' },
  {
    from: 'pending',
    to: 'passed',
    stage: 'screening',
    actorRole: 'organizer',
    actorName: 'Panitia',
    reason: 'lengkap',
    at: '2026-09-03T01:00:00Z',
  },
  {
    from: 'pending',
    to: 'eliminated',
    stage: 'desk_review',
    actorRole: 'system',
    actorName: null,
    reason: null,
    at: '2026-09-04T01:00:00Z',
  },
] as HistoryEntry[];

describe('HistoryList', () => {
  it('shows status and stage-result labels, never translation keys', () => {
    render(
      <I18nProvider>
        <HistoryList
          entries={entries}
          stageLabel={(key) => ({ screening: 'Seleksi administrasi', desk_review: 'Penilaian proposal' })[key] ?? key}
        />
      </I18nProvider>,
    );
    const text = screen.getByRole('list').textContent!;
    expect(text).not.toMatch(/status\.|role\./);
    expect(text).toContain('Menunggu keputusan → Lolos · tahap Seleksi administrasi');
    expect(text).toContain('Menunggu keputusan → Tidak lolos · tahap Penilaian proposal');
    expect(text).toContain('oleh sistem');
    expect(text).toContain('Draf → Diajukan');
  });

  it('renders a reason the system wrote from its code, in Indonesian and English (numbers and category labels per language); a person’s reason as written', async () => {
    const coded = [
      {
        from: 'pending',
        to: 'passed',
        stage: 'screening',
        actorRole: 'organizer',
        actorName: 'Panitia',
        reason: 'Dokumen lengkap',
        reasonCode: null,
        reasonParams: null,
        at: '2026-09-03T01:00:00Z',
      },
      {
        from: 'pending',
        to: 'eliminated',
        stage: 'desk_review',
        actorRole: 'system',
        actorName: null,
        reason: 'score 48.75 below threshold 50 (rank 5 of 5 in kota)',
        reasonCode: 'CUTOFF_THRESHOLD_BELOW',
        reasonParams: { score: 48.75, min: 50, rank: 5, count: 5, category: 'kota' },
        at: '2026-09-04T01:00:00Z',
      },
      {
        from: 'pending',
        to: 'eliminated',
        stage: 'presentation',
        actorRole: 'system',
        actorName: null,
        reason: 'rank 3 of 3 in kota, outside the top 1',
        reasonCode: null,
        reasonParams: null,
        at: '2026-09-05T01:00:00Z',
      },
    ] as HistoryEntry[];
    const categoryLabel = (key: string) => ({ kota: 'Kota' })[key];
    localStorage.setItem('inovasi.lang', 'id');
    const view = render(
      <I18nProvider>
        <HistoryList entries={coded} categoryLabel={categoryLabel} />
      </I18nProvider>,
    );
    const id = screen.getByRole('list').textContent!;
    expect(id).toContain('nilai 48,75 di bawah ambang 50 (peringkat 5 dari 5 di Kota)');
    expect(id).not.toContain('below threshold');
    expect(id).toContain('Dokumen lengkap');
    // A row from before the codes keeps its stored text.
    expect(id).toContain('rank 3 of 3 in kota, outside the top 1');
    view.unmount();
    localStorage.setItem('inovasi.lang', 'en');
    render(
      <I18nProvider>
        <HistoryList entries={coded} categoryLabel={categoryLabel} />
      </I18nProvider>,
    );
    expect(screen.getByRole('list').textContent!).toContain('score 48.75 below threshold 50 (rank 5 of 5 in Kota)');
  });
});
