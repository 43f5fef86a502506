/**
 * Starts the mock API as a service worker: the embedded default when no VITE_API_URL is configured.
 * Loaded only through main.tsx's dynamic import, so a build for a real API contains none of this.
 */
import { setupWorker } from 'msw/browser';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { createDemoAccounts } from './accounts';
import { DATASETS, type DatasetName } from './db';
import { createHandlers } from './handlers';
import { createPersistentStore, indexedDbAdapter, loadEdits } from './persistence';
import { SCENARIOS, type Scenario } from './scenarios';
import { createDbStore } from './store';

const DATASET_KEY = 'directive-tracker.mock.dataset';
const SCENARIO_KEY = 'directive-tracker.mock.scenario';

/** A stored demo choice, if it is one of `allowed` (storage may be unavailable or hold anything). */
function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = localStorage.getItem(key);
    return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

function remember(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts until reload.
  }
}

/**
 * MSW asks the browser to update its worker registration on start and does not catch a refusal, which
 * Chromium gives when a page reloads while the previous registration is being replaced. The worker in
 * control still serves the page, so that one rejection is not an error of the app.
 */
function ignoreWorkerUpdateRace() {
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason as { name?: string; message?: string } | undefined;
    if (/Failed to update a ServiceWorker/.test(reason?.message ?? '')) {
      event.preventDefault();
    }
  });
}

export async function startMockApi(): Promise<void> {
  const { default: data } = await import('../src/data/localities.json');
  const localities = createLocalityIndex(data as unknown as LocalityDataset);
  // Edits saved in IndexedDB, validated; an old or unreadable store is set aside and reported via GET /_mock.
  const adapter = typeof indexedDB === 'undefined' ? null : indexedDbAdapter();
  const loaded = adapter
    ? await loadEdits(adapter)
    : { tasks: new Map(), savedAt: null, notice: 'unavailable' as const, available: false };
  const { store, persistence } = createPersistentStore(
    createDbStore({
      localities,
      dataset: stored<DatasetName>(DATASET_KEY, DATASETS, 'sample'),
      scenario: stored<Scenario>(SCENARIO_KEY, SCENARIOS, 'none'),
    }),
    adapter,
    loaded,
  );
  const worker = setupWorker(
    ...createHandlers(
      store,
      (dataset) => remember(DATASET_KEY, dataset),
      persistence,
      (scenario) => remember(SCENARIO_KEY, scenario),
      // The demo's accounts; the tab's session is kept in sessionStorage, so a reload keeps it.
      createDemoAccounts(typeof sessionStorage === 'undefined' ? null : sessionStorage),
    ),
  );
  ignoreWorkerUpdateRace();
  const registration = await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  // The newest worker of the registration: MSW's worker installs with skipWaiting() and claims the open pages.
  await controlledBy(registration?.installing ?? registration?.waiting ?? registration?.active ?? null);
}

/**
 * Resolves once `mocking`, the worker MSW started and told about this page, controls the page. Until then the
 * page's requests go elsewhere, and the app's requests wait behind this:
 * - the worker can be active a moment before its `clients.claim()` makes it the page's controller;
 * - on a navigation, the previous page's worker sees its last client close and unregisters itself (MSW's worker
 *   does so), yet still controls the new page, which MSW registers a new worker for: until that one claims the page,
 *   the old one answers its requests and, not knowing this page, passes them to the static host (a 404). Seen under
 *   load on the demo's sign-in as another role, which reloads the page.
 * Gives up after 5 s with no change of controller (a hard reload bypasses workers until the next load).
 */
function controlledBy(mocking: ServiceWorker | null): Promise<void> {
  const sw = navigator.serviceWorker;
  const inControl = () => !sw || (sw.controller !== null && (mocking === null || sw.controller === mocking));
  if (inControl()) return Promise.resolve();
  return new Promise((resolve) => {
    let timer = setTimeout(done, 5000);
    function done() {
      clearTimeout(timer);
      sw.removeEventListener('controllerchange', changed);
      resolve();
    }
    function changed() {
      if (inControl()) done();
      else {
        clearTimeout(timer);
        timer = setTimeout(done, 5000);
      }
    }
    sw.addEventListener('controllerchange', changed);
  });
}
