import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { App } from '../src/app/app';
import { createAppRouter } from '../src/app/router';
import { createI18n, type Language } from '../src/i18n/i18n';

/** Renders the whole app at `url` with a fresh QueryClient (no retries) and in-memory history. */
export function renderApp(url = '/', options: { language?: Language } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [url] }) });
  const i18n = createI18n(options.language ?? 'vi');
  const utils = render(<App queryClient={queryClient} router={router} i18n={i18n} />);
  return { ...utils, queryClient, router, i18n };
}
