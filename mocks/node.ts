/** The mock API for Vitest: the same handlers as the browser, over a database evaluated at a fixed date. */
import { setupServer } from 'msw/node';
import { onTestFinished } from 'vitest';
import type { Role } from '../src/api/session-schemas';
import data from '../src/data/localities.json';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { createDemoAccounts } from './accounts';
import { createHandlers } from './handlers';
import { createDbStore } from './store';

/** The date of evaluation in tests, so timeliness and charts are stable. */
export const TEST_TODAY = '2026-11-26';
export const localities = createLocalityIndex(data as unknown as LocalityDataset);
export const dbStore = createDbStore({ localities, today: TEST_TODAY });
/** The demo's accounts (one user per role); the tests start signed in as its admin. */
export const demoAccounts = createDemoAccounts();
export const server = setupServer(...createHandlers(dbStore, undefined, undefined, undefined, demoAccounts));
await demoAccounts.signInAs('admin');

/** Signs the mock API in as the demo user of `role` (null: signed out) for the current test; admin again after it. */
export async function signInAs(role: Role | null): Promise<void> {
  await demoAccounts.signInAs(role);
  onTestFinished(() => demoAccounts.signInAs('admin'));
}
