import './styles.css';
// The stylesheets of what the app shows on every screen, in the entry's (inlined on /): the app's code loads after.
import './app/live.css';
import './features/sign-in/sign-in.css';

/**
 * The entry: as small as it can be, so that the page's static first screen (index.html's shell, sent by the server
 * on /) is painted before the app's code runs. The app's code (src/boot.tsx and what it imports) is preloaded by
 * the HTML while the shell paints (server/http/first-screen.ts), and evaluated after that first frame: when its
 * ~60 ms of module evaluation ran first (the preloaded files arrive before the parser is done on a quick network),
 * the first paint waited for it.
 */
async function start() {
  // Without VITE_API_URL the app runs on the embedded mock API. The condition is a build-time constant,
  // so a build for a real API drops this import and ships no mock code. The app renders at once; its
  // requests wait until the mock's service worker is in control.
  let mockReady: Promise<unknown> | null = null;
  if (!import.meta.env.VITE_API_URL) {
    mockReady = import('../mocks/browser').then(({ startMockApi }) => startMockApi());
    mockReady.catch(showBootError);
  }
  await shellPainted();
  const { boot } = await import('./boot');
  await boot(mockReady);
}

/**
 * Settles once the static shell has been painted: after the next frame (a task after its animation frame). At once
 * when there is no shell to show (other routes, the demo) or the page is hidden (no frames then); 100 ms at most.
 */
function shellPainted(): Promise<void> {
  const shell = document.querySelector('#root > .app');
  if (!shell || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
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

start().catch(showBootError);
