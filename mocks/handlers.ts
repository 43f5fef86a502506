import { http } from 'msw';
import { createApp } from '../server/app';
import { createChangeFeed } from '../server/events/feed';
import { createMemoryStore } from '../server/store/memory';
import { createDemoAccounts, type DemoAccounts } from './accounts';
import type { DatasetName } from './db';
import { metaHandlers } from './handlers/meta';
import { type MockPersistence, onExternalChange } from './persistence';
import { type Scenario, scenarioGate } from './scenarios';
import type { DbStore } from './store';

/**
 * The one handler set, served by the service worker (browser.ts) and by the Node server of the tests (node.ts):
 * the fault scenario in force, the demo's own controls (`/_mock`), then the server's HTTP application itself over
 * the memory store, so the demo answers from the same code as the real server.
 */
export function createHandlers(
  store: DbStore,
  onDatasetChange?: (dataset: DatasetName) => void,
  /** Browser persistence of edits (browser.ts); absent in tests, where edits live in memory. */
  persistence?: MockPersistence,
  onScenarioChange?: (scenario: Scenario) => void,
  /** The demo's users and how its session token travels (mocks/accounts.ts). */
  demo: DemoAccounts = createDemoAccounts(),
) {
  // One change feed per tab: this tab's writes and, through onExternalChange, the other tabs'.
  const feed = createChangeFeed();
  const app = createApp({
    // With persistence, every write is stored durably (compare-and-set across tabs) before it is answered.
    store: createMemoryStore(() => store.get(), persistence?.hooks ?? {}, demo.accounts),
    localities: store.localities,
    today: () => store.get().today(),
    version: 'demo',
    feed,
  });
  // Live updates across the demo's tabs: a change another tab stored (mocks/persistence.ts) is published here, so
  // this tab's open screens hear it on GET /events like a change of their own.
  onExternalChange((change) => {
    if (change.kind === 'task') feed.publish(0, { tasks: [change.taskId] });
    else if (change.kind === 'article') feed.publish(0, { articles: [change.articleId] });
    else feed.publish(0, { all: true });
  });
  return [
    // First: the fault scenario in force (mocks/scenarios.ts) may answer before the real handlers.
    scenarioGate(() => store.scenario()),
    ...metaHandlers(store, onDatasetChange, persistence, onScenarioChange),
    http.all('*/api/v1/*', async ({ request }) => {
      await demo.ready;
      return app.fetch(request, { sessionTransport: demo.transport });
    }),
  ];
}
