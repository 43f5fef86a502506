import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { holdRequestsUntil } from './api/client';
import { App } from './app/app';
import { createI18n, loadMessages, storedLanguage } from './i18n/i18n';

/**
 * Renders the app into #root. Loaded by main.tsx once the page has painted (its chunk is preloaded by the HTML,
 * server/http/first-screen.ts); `mockReady` is the demo's in-browser mock API starting, which every request waits for.
 */
export async function boot(mockReady: Promise<unknown> | null): Promise<void> {
  if (mockReady) holdRequestsUntil(mockReady);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  // Someone who chose English gets it from the first render: its messages load before (not on everyone's path).
  const language = storedLanguage();
  const i18n = createI18n(language, language === 'vi' ? {} : { [language]: await loadMessages(language) });
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
}
