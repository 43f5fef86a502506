/**
 * Connects the page to the server's change stream (src/api/live.ts) and shows what changed: the tiles, rows and
 * bars whose figures changed under a live update are highlighted for a moment, and a polite live region says so in
 * words ("Vừa cập nhật: Xây dựng cầu Đình Khao"). Mounted once, beside the router.
 *
 * The highlight needs nothing from the screens: just before the refetch a change causes, the text of every element
 * that shows a figure (KPI tiles, table rows, list items of tasks, chart bars and slices; any `[data-live-key]`) is
 * noted; once the new figures are drawn, the ones whose text (or, for a chart shape, geometry) changed are marked
 * with `data-live-changed` for three seconds. Filter changes and navigation never highlight: only live updates do.
 */
import { useIsMutating, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppliedChange, useLiveStatus, useLiveUpdates } from '../api/live';
import { SIGN_OUT_KEY, sessionQueries } from '../api/session';
import './live.css';

const WATCHED = [
  '[data-live-key]',
  '[data-kpi]',
  '.kpi-tile',
  '.p-kpi',
  'tbody tr',
  'li[data-task-id]',
  '.recharts-bar-rectangle path',
  '.recharts-pie-sector path',
].join(', ');
export const HIGHLIGHT_MS = 3000;

const shownValue = (el: Element) =>
  el instanceof SVGPathElement ? (el.getAttribute('d') ?? '') : (el.textContent ?? '');

function snapshot(): Map<Element, string> {
  const seen = new Map<Element, string>();
  if (typeof document === 'undefined') return seen;
  for (const el of document.querySelectorAll(WATCHED)) seen.set(el, shownValue(el));
  return seen;
}

/** `since`: when the app started (Date.now()); reads answered before the first connection are refetched only if older. */
export function LiveUpdates({ since }: { since?: number }) {
  const { t } = useTranslation();
  const live = useLiveStatus();
  const before = useRef<Map<Element, string> | null>(null);
  const marked = useRef(new Set<Element>());
  const [message, setMessage] = useState('');

  const onBeforeApply = useCallback(() => {
    before.current = snapshot();
  }, []);

  const onApplied = useCallback(
    (change: AppliedChange) => {
      const previous = before.current;
      before.current = null;
      const list = change.titles.join('; ');
      setMessage(
        change.all || change.titles.length === 0
          ? t('live.updatedData')
          : t('live.updated', {
              // A task's change names the task (its article is context); an imported article names the article.
              what:
                change.articles.size === 0 && change.tasks.size > change.titles.length
                  ? t('live.andMore', { list })
                  : list,
            }),
      );
      if (!previous || typeof requestAnimationFrame === 'undefined') return;
      // Two frames: React has committed the new data and the browser has laid it out.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          for (const [el, value] of previous) {
            if (!el.isConnected || shownValue(el) === value) continue;
            el.setAttribute('data-live-changed', '');
            marked.current.add(el);
            setTimeout(() => {
              el.removeAttribute('data-live-changed');
              marked.current.delete(el);
            }, HIGHLIGHT_MS);
          }
          previous.clear();
        }),
      );
    },
    [t],
  );

  // No stream for someone the server would not answer (signed out where reads need a session), nor while signing
  // out: opened or caught up then, its requests were 401s.
  const session = useQuery(sessionQueries.current());
  const signingOut = useIsMutating({ mutationKey: SIGN_OUT_KEY }) > 0;
  const signedOut = session.data ? !session.data.user && !session.data.display && !session.data.publicRead : false;
  useLiveUpdates({ enabled: !signingOut && !signedOut, onBeforeApply, onApplied, listeningSince: since });

  useEffect(() => {
    const current = marked.current;
    return () => {
      for (const el of current) el.removeAttribute('data-live-changed');
      current.clear();
    };
  }, []);

  if (live.mode === 'off') return null;
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-announcer">
      {message}
    </div>
  );
}
