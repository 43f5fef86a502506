import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { holdRequestsUntil } from './api/client';
import { App } from './app/app';
import { seedFirstStats } from './app/first-screen-data';
import { createQueryClient } from './app/query-client';
import { createI18n, loadMessages, storedLanguage } from './i18n/i18n';
import './styles.css';

async function boot() {
  // Without VITE_API_URL the app runs on the embedded mock API. The condition is a build-time constant,
  // so a build for a real API drops this import and ships no mock code. The app renders at once; its
  // requests wait until the mock's service worker is in control.
  if (!import.meta.env.VITE_API_URL) {
    const ready = import('../mocks/browser').then(({ startMockApi }) => startMockApi());
    holdRequestsUntil(ready);
    ready.catch(showBootError);
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  // Someone who chose English gets it from the first render: its messages load before (not on everyone's path).
  const language = storedLanguage();
  // The figures the server drew into the page (issue 16) are the app's first data: it takes over without a frame
  // of placeholders, and without asking for them again.
  const queryClient = createQueryClient();
  const [messages] = await Promise.all([
    language === 'vi' ? {} : loadMessages(language).then((m) => ({ [language]: m })),
    seedFirstStats(queryClient),
  ]);
  const i18n = createI18n(language, messages);
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} queryClient={queryClient} />
    </StrictMode>,
  );
}

/** The mock API could not start (service workers blocked, a file missing): say so above the app, which stays. */
function showBootError(error: unknown) {
  console.error(error);
  const banner = document.createElement('p');
  banner.setAttribute('role', 'alert');
  banner.className = 'boot-error';
  banner.textContent =
    'Không khởi động được API giả lập trong trình duyệt (trình duyệt chặn service worker hoặc thiếu tệp). Hãy tải lại trang. — The in-browser mock API could not start; please reload.';
  document.body.prepend(banner);
}

boot().catch(showBootError);
