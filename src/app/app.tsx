import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { LiveUpdates } from './live-updates';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

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
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LiveUpdates />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
