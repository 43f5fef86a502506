import type { DatasetName } from './db';
import { articleHandlers } from './handlers/articles';
import { localityHandlers } from './handlers/localities';
import { metaHandlers } from './handlers/meta';
import { statsHandlers } from './handlers/stats';
import { taskHandlers } from './handlers/tasks';
import type { DbStore } from './store';

/** The one handler set, served by the service worker (browser.ts) and by the Node server of the tests (node.ts). */
export function createHandlers(store: DbStore, onDatasetChange?: (dataset: DatasetName) => void) {
  return [
    ...metaHandlers(store, onDatasetChange),
    ...taskHandlers(store),
    ...statsHandlers(store),
    ...articleHandlers(store),
    ...localityHandlers(store),
  ];
}
