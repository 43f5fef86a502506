import type { DatasetName } from './db';
import { articleImportHandlers } from './handlers/article-import';
import { articleHandlers } from './handlers/articles';
import { compareHandlers } from './handlers/compare';
import { facetHandlers } from './handlers/facets';
import { localityHandlers } from './handlers/localities';
import { metaHandlers } from './handlers/meta';
import { statsHandlers } from './handlers/stats';
import { taskUpdateHandlers } from './handlers/task-updates';
import { taskHandlers } from './handlers/tasks';
import type { MockPersistence } from './persistence';
import { type Scenario, scenarioGate } from './scenarios';
import type { DbStore } from './store';

/** The one handler set, served by the service worker (browser.ts) and by the Node server of the tests (node.ts). */
export function createHandlers(
  store: DbStore,
  onDatasetChange?: (dataset: DatasetName) => void,
  /** Browser persistence of edits (browser.ts); absent in tests, where edits live in memory. */
  persistence?: MockPersistence,
  onScenarioChange?: (scenario: Scenario) => void,
) {
  return [
    // First: the fault scenario in force (mocks/scenarios.ts) may answer before the real handlers.
    scenarioGate(() => store.scenario()),
    ...metaHandlers(store, onDatasetChange, persistence, onScenarioChange),
    ...taskUpdateHandlers(store, persistence),
    ...taskHandlers(store),
    ...statsHandlers(store),
    ...compareHandlers(store),
    ...facetHandlers(store),
    ...articleImportHandlers(store, persistence),
    ...articleHandlers(store),
    ...localityHandlers(store),
  ];
}
