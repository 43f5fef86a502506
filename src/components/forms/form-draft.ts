/**
 * Drafts of forms, kept in the browser until the form is saved or the person discards them, so what was typed
 * survives navigating away, a reload, a closed tab or a crash. One draft per form and subject (a task's update
 * form, the new-article form…), in localStorage under `directive-tracker.draft.<id>`. Writing never throws: when
 * the browser refuses (private mode, no room), `writeDraft` says so and the form tells the person.
 */
import { useBlocker } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

const PREFIX = 'directive-tracker.draft.';

export interface StoredDraft<T> {
  /** Which shape of `value` this is: a draft of another version of the form is ignored. */
  schema: number;
  savedAt: string;
  value: T;
}

export function readDraft<T>(id: string, schema: number): StoredDraft<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft<T>;
    return parsed && parsed.schema === schema && typeof parsed.savedAt === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Keeps a draft; false when the browser would not keep it (the typing then lasts as long as the page). */
export function writeDraft<T>(id: string, schema: number, value: T): boolean {
  try {
    const draft: StoredDraft<T> = { schema, savedAt: new Date().toISOString(), value };
    localStorage.setItem(PREFIX + id, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/**
 * Writes `value` as the draft `id` shortly after it stops changing (and at once when the page is hidden or left),
 * while `dirty`; clears it when not. Returns whether the last write was kept.
 */
export function useDraftAutosave<T>(
  id: string,
  schema: number,
  value: T,
  dirty: boolean,
  onKept?: (kept: boolean) => void,
  delayMs = 400,
): void {
  const latest = useRef({ id, schema, value, dirty });
  latest.current = { id, schema, value, dirty };
  const keptRef = useRef(onKept);
  keptRef.current = onKept;

  useEffect(() => {
    if (!dirty) {
      clearDraft(id);
      return;
    }
    const timer = setTimeout(() => keptRef.current?.(writeDraft(id, schema, value)), delayMs);
    return () => clearTimeout(timer);
  }, [id, schema, value, dirty, delayMs]);

  useEffect(() => {
    const flush = () => {
      const { id: i, schema: s, value: v, dirty: d } = latest.current;
      if (d) writeDraft(i, s, v);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      // Leaving the screen: keep what was typed right now, not 400 ms ago.
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
}

/**
 * Asks before leaving a screen with unsaved input: the browser's own prompt on reload or close, and an in-page
 * question on navigation within the app (`status === 'blocked'`; `proceed` / `reset`).
 */
export function useLeaveGuard(dirty: boolean, allow?: (pathname: string) => boolean) {
  return useBlocker({
    // A destination the screen itself offers as the way on (`allow`) is not questioned; the draft is kept anyway.
    shouldBlockFn: ({ next }) => dirty && !allow?.(next.pathname),
    enableBeforeUnload: () => dirty,
    disabled: !dirty,
    withResolver: true,
  });
}
