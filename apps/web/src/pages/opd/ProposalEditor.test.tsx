import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { competition, draft, json, renderWithProviders } from '../../test/fixtures';
import { ProposalEditor } from './ProposalEditor';

const renderEditor = () =>
  renderWithProviders(<ProposalEditor innovation={draft} competition={competition} onChange={() => undefined} evidence={() => null} />);

describe('ProposalEditor', () => {
  it('counts words against each section’s limit and turns the counter red past it', async () => {
    renderEditor();
    const ringkasan = screen.getByRole('textbox', { name: /^Ringkasan\s*(\(wajib\))?$/ });
    await userEvent.type(ringkasan, 'satu dua tiga');
    expect(screen.getByText('3 dari 5 kata')).toBeTruthy();
    await userEvent.type(ringkasan, ' empat lima enam –');
    const counter = screen.getByText(/6 dari 5 kata/);
    expect(counter.textContent).toBe('6 dari 5 kata — melebihi batas 1 kata');
    expect(counter.className).toContain('over');
    expect(ringkasan.getAttribute('aria-describedby')).toContain(counter.parentElement!.id);
  });

  it('marks required sections and fields, and only those', () => {
    renderEditor();
    const required = (name: RegExp) => screen.getByRole('textbox', { name }).getAttribute('aria-required');
    expect(required(/^Ringkasan\s*\(wajib\)$/)).toBe('true');
    expect(required(/^Judul inovasi\s*\(wajib\)$/)).toBe('true');
    expect(required(/^Catatan$/)).toBeNull();
    expect(screen.getByText('Ringkasan').closest('label')!.textContent).toContain('*');
    expect(screen.getByText('Catatan').closest('label')!.textContent).not.toContain('*');
  });

  it('shows the field errors of a 400 next to the matching inputs, and in the summary', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'The proposal is invalid',
          code: 'INNOVATION_INVALID',
          details: {
            fields: [
              { field: 'sections.ringkasan', message: 'Section "Summary" has 6 words; the limit is 5.' },
              { field: 'phase', message: 'phase must be one of inisiatif, uji_coba, penerapan' },
            ],
          },
        }),
      ),
    );
    renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan draf' }));
    const ringkasan = await screen.findByRole('textbox', { name: /^Ringkasan\s*(\(wajib\))?$/ });
    await vi.waitFor(() => expect(ringkasan.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = ringkasan
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain('Section "Summary" has 6 words; the limit is 5.');
    expect(screen.getByRole('combobox', { name: /Tahapan inovasi/ }).getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('Periksa isian berikut')).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Ringkasan' }).getAttribute('href')).toBe('#f-sections-ringkasan');
  });

  it('disables Save and Submit while a save is in flight, and sends it once', async () => {
    let answer!: (r: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetch);
    renderEditor();
    const save = screen.getByRole('button', { name: 'Simpan draf' });
    const submit = screen.getByRole('button', { name: 'Ajukan proposal' });
    await userEvent.click(save);
    expect(save.hasAttribute('disabled')).toBe(true);
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(save.textContent).toBe('Menyimpan…');
    await userEvent.click(submit);
    expect(fetch).toHaveBeenCalledTimes(1);
    await act(async () => answer(json(200, { ...draft, version: 2 })));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Simpan draf' }).hasAttribute('disabled')).toBe(false));
    expect(screen.getByRole('status').textContent).toBe('Draf tersimpan.');
  });
});
