import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { act, render } from '@testing-library/react';
import { App } from '../src/app/app';
import { createAppRouter } from '../src/app/router';
import { en } from '../src/i18n/en';
import { createI18n, type Language } from '../src/i18n/i18n';

/**
 * Renders the whole app at `url` with a fresh QueryClient (no retries) and in-memory history.
 *
 * The router does not scroll: jsdom has no layout and does not implement `window.scrollTo` (the end-to-end tests run
 * with scrolling on). The returned router is the test's handle on navigation: its `navigate` runs inside `act`, as
 * user-event does for clicks and keys, so React applies the route change before the test goes on.
 */
export function renderApp(url = '/', options: { language?: Language } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
  const router = createAppRouter({
    history: createMemoryHistory({ initialEntries: [url] }),
    scroll: false,
  });
  // Both languages' messages at hand, so a test in English renders in English from the start.
  const i18n = createI18n(options.language ?? 'vi', { en });
  const utils = render(<App queryClient={queryClient} router={router} i18n={i18n} />);
  const navigate: typeof router.navigate = (opts) => act(() => router.navigate(opts));
  const testRouter = new Proxy(router, {
    get: (target, key, receiver) => (key === 'navigate' ? navigate : Reflect.get(target, key, receiver)),
  });
  return { ...utils, queryClient, router: testRouter, i18n };
}
