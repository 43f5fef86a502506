import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { holdRequestsUntil, requestsReady } from '../api/client';
import { config } from '../api/config';
import { createI18n } from '../i18n/i18n';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/**
 * The change stream's client (src/api/live.ts) loads beside the first screen rather than on its path: it connects
 * once its chunk is in, and its first connection refetches whatever was read before it listened (issue 16).
 */
const LiveUpdates = lazy(() => import('./live-updates').then((m) => ({ default: m.LiveUpdates })));

export interface AppProps {
  queryClient?: QueryClient;
  i18n?: I18n;
  router?: ReturnType<typeof createAppRouter>;
}

/** Composes the providers and the router. Tests pass their own client (retry off), i18n and router. */
export function App(props: AppProps) {
  const [queryClient] = useState(() => props.queryClient ?? createQueryClient());
  const [i18n] = useState(() => props.i18n ?? createI18n());
  const [router] = useState(() => props.router ?? createAppRouter());
  // The live client's chunk arrives after the first answers may have: it counts from here, as when it was mounted
  // with the app (reads answered since the app started are not refetched on its first connection).
  const [startedAt] = useState(() => Date.now());
  useEffect(() => dropReadsWhenLeaving(queryClient), [queryClient]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <LiveUpdates since={startedAt} />
        </Suspense>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** How long the demo holds requests made as the tab begins to leave (a tab that stays sends them after it). */
const LEAVING_HOLD_MS = 2000;

/**
 * In the demo, a read still in flight when the tab is left can reach the static host: the mock's worker lets go of
 * a tab as it unloads (MSW's "client closed"), and a request it has not answered yet passes through to the network
 * and comes back 404 (logged in the console of the page being left). The reads are dropped first, as the tab begins
 * to leave: a capturing listener runs before MSW's. A cancelled query keeps what it had (TanStack Query reverts it),
 * so staying after all (a "leave this page?" prompt declined) loses nothing; it is read again when next needed.
 * A request made after that (a refetch after a save, say) is held for a moment: if the tab goes, it never leaves;
 * if the tab stays, it goes once the moment has passed.
 */
export function dropReadsWhenLeaving(queryClient: QueryClient): (() => void) | undefined {
  if (!config.useMockApi || typeof window === 'undefined') return undefined;
  const leave = () => {
    const ready = requestsReady();
    holdRequestsUntil(Promise.all([ready, new Promise((resolve) => setTimeout(resolve, LEAVING_HOLD_MS))]));
    void queryClient.cancelQueries();
  };
  window.addEventListener('beforeunload', leave, { capture: true });
  return () => window.removeEventListener('beforeunload', leave, { capture: true });
}
