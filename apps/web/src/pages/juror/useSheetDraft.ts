import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../api/errors';
import { saveSheet, submitSheet, type Criterion, type Sheet, type SheetStatus } from '../../api/juror';

export interface SheetForm {
  /** As typed, per criterion key ('' = no value yet). */
  scores: Record<string, string>;
  comment: string;
  confirmed: boolean;
}

/** The sheet changed elsewhere, or was submitted meanwhile: saving stops until the juror reloads. */
export type Blocked = 'version' | 'locked' | null;
export type Phase = 'idle' | 'dirty' | 'saving' | 'saved';

const BLOCKING: Record<string, Blocked> = { JUDGING_VERSION_CONFLICT: 'version', JUDGING_SHEET_LOCKED: 'locked' };

/** Where typed input waits until the API has it: one key per assignment and sheet version. */
export const draftKey = (assignmentId: string, version: number) => `inovasi.sheet.${assignmentId}.v${version}`;

function readDraft(key: string): Pick<SheetForm, 'scores' | 'comment'> | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as Partial<SheetForm>) : null;
    return parsed && typeof parsed.scores === 'object' && parsed.scores !== null && typeof parsed.comment === 'string'
      ? { scores: parsed.scores, comment: parsed.comment }
      : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, form: SheetForm | null): void {
  try {
    if (form) localStorage.setItem(key, JSON.stringify({ scores: form.scores, comment: form.comment }));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or private mode: the page still holds the input, and leaving it asks first */
  }
}

const sameEntries = (a: SheetForm, b: SheetForm) => JSON.stringify([a.scores, a.comment]) === JSON.stringify([b.scores, b.comment]);

export const formOf = (rubric: readonly Criterion[], sheet: Sheet): SheetForm => ({
  scores: Object.fromEntries(rubric.map((c) => [c.key, sheet.scores[c.key] === undefined ? '' : String(sheet.scores[c.key])])),
  comment: sheet.comment ?? '',
  confirmed: sheet.status !== 'not_started',
});

/**
 * The PUT body: every criterion with something typed, as a number (what is not a number goes as null, and
 * the API says so); the version edited; the confirmation while the sheet is not started.
 */
function bodyOf(form: SheetForm, version: number, status: SheetStatus) {
  const scores = Object.fromEntries(Object.entries(form.scores).flatMap(([k, v]) => (v.trim() === '' ? [] : [[k, Number(v)]])));
  return { scores, comment: form.comment, version, ...(status === 'not_started' && form.confirmed ? { confirmNoConflict: true } : {}) };
}

/**
 * A score sheet being edited: debounced autosave with the version the juror edited, one save at a time,
 * and submit (which saves what is unsaved first). A stale version or a locked sheet blocks further saves.
 */
export function useSheetDraft(assignmentId: string, rubric: readonly Criterion[], initial: Sheet, autosaveMs: number) {
  const [boot] = useState(() => {
    const fromServer = formOf(rubric, initial);
    // Input typed on this version of the sheet and not saved yet (the tab closed, the confirmation missing …).
    const kept = initial.status === 'submitted' ? null : readDraft(draftKey(assignmentId, initial.version));
    const start = kept ? { ...fromServer, scores: { ...fromServer.scores, ...kept.scores }, comment: kept.comment } : fromServer;
    return { fromServer, start, restored: kept !== null && !sameEntries(start, fromServer) };
  });
  const restored = useRef(boot.restored);
  const [form, setFormState] = useState(boot.start);
  const [status, setStatus] = useState<SheetStatus>(initial.status);
  const [version, setVersion] = useState(initial.version);
  const [phase, setPhase] = useState<Phase>(restored.current ? 'dirty' : 'idle');
  const [error, setError] = useState<{ error: ApiError; from: 'autosave' | 'submit' } | null>(null);
  const [blocked, setBlocked] = useState<{ kind: Blocked; message: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const latest = useRef({ form, version: initial.version, status: initial.status });
  const saved = useRef(JSON.stringify(boot.fromServer));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const busy = useRef(false);

  const fail = useCallback((err: unknown, from: 'autosave' | 'submit') => {
    const e = asApiError(err);
    const kind = e.status === 409 && e.code ? BLOCKING[e.code] : undefined;
    if (kind) setBlocked({ kind, message: e.text });
    else setError({ error: e, from });
  }, []);

  /** Saves what is unsaved (waiting for a save in flight first); true when nothing is left unsaved. */
  const save = useCallback(
    async (from: 'autosave' | 'submit'): Promise<boolean> => {
      clearTimeout(timer.current);
      while (inFlight.current) await inFlight.current;
      const snapshot = JSON.stringify(latest.current.form);
      if (snapshot === saved.current) return true;
      const run = (async () => {
        setPhase('saving');
        try {
          const sheet = await saveSheet(assignmentId, bodyOf(latest.current.form, latest.current.version, latest.current.status));
          writeDraft(draftKey(assignmentId, latest.current.version), null);
          latest.current = { ...latest.current, version: sheet.version, status: sheet.status };
          saved.current = snapshot;
          // Typed while this save was on its way: kept under the new version until it is saved too.
          if (JSON.stringify(latest.current.form) !== snapshot) writeDraft(draftKey(assignmentId, sheet.version), latest.current.form);
          setVersion(sheet.version);
          setStatus(sheet.status);
          setError(null);
          setPhase(JSON.stringify(latest.current.form) === snapshot ? 'saved' : 'dirty');
          return true;
        } catch (err) {
          fail(err, from);
          setPhase('dirty');
          return false;
        }
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [assignmentId, fail],
  );

  const setForm = useCallback(
    (next: SheetForm) => {
      latest.current = { ...latest.current, form: next };
      setFormState(next);
      setPhase('dirty');
      writeDraft(draftKey(assignmentId, latest.current.version), next);
      clearTimeout(timer.current);
      // The first save carries the juror's confirmation: without it nothing is sent yet.
      if (latest.current.status !== 'not_started' || next.confirmed) timer.current = setTimeout(() => void save('autosave'), autosaveMs);
    },
    [assignmentId, autosaveMs, save],
  );

  const submit = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    setError(null);
    try {
      if (!(await save('submit'))) return;
      const sheet = await submitSheet(assignmentId, latest.current.version);
      writeDraft(draftKey(assignmentId, latest.current.version), null);
      latest.current = { ...latest.current, version: sheet.version, status: sheet.status };
      setVersion(sheet.version);
      setStatus(sheet.status);
      setPhase('idle');
    } catch (err) {
      fail(err, 'submit');
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }, [assignmentId, fail, save]);

  useEffect(() => {
    // Entries restored from this device go to the API as soon as they may (the sheet is confirmed already).
    if (restored.current && latest.current.status !== 'not_started') timer.current = setTimeout(() => void save('autosave'), autosaveMs);
    return () => clearTimeout(timer.current);
  }, [autosaveMs, save]);

  /** Why typed input is not on the server yet, when it is not: the first save needs the no-conflict confirmation. */
  const waitingFor: 'confirmation' | null = phase === 'dirty' && status === 'not_started' && !form.confirmed ? 'confirmation' : null;
  const unsaved = phase === 'dirty' || phase === 'saving';

  return { form, setForm, status, version, phase, error, blocked, submitting, submit, waitingFor, unsaved, restored: restored.current };
}
