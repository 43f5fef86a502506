/**
 * Starts the mock API as a service worker: the embedded default when no VITE_API_URL is configured.
 * Loaded only through main.tsx's dynamic import, so a build for a real API contains none of this.
 */
import { setupWorker } from 'msw/browser';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { DATASETS, type DatasetName } from './db';
import { createHandlers } from './handlers';
import { createPersistentStore, indexedDbAdapter, loadEdits } from './persistence';
import { createDbStore } from './store';

const DATASET_KEY = 'directive-tracker.mock.dataset';

function storedDataset(): DatasetName {
  try {
    const value = localStorage.getItem(DATASET_KEY);
    return (DATASETS as readonly string[]).includes(value ?? '') ? (value as DatasetName) : 'sample';
  } catch {
    return 'sample';
  }
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
    createDbStore({ localities, dataset: storedDataset() }),
    adapter,
    loaded,
  );
  const worker = setupWorker(
    ...createHandlers(
      store,
      (dataset) => {
        try {
          localStorage.setItem(DATASET_KEY, dataset);
        } catch {
          // Storage may be unavailable (private mode); the choice then lasts until reload.
        }
      },
      persistence,
    ),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
