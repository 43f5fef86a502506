/** The mock API for Vitest: the same handlers as the browser, over a database evaluated at a fixed date. */
import { setupServer } from 'msw/node';
import data from '../src/data/localities.json';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { createHandlers } from './handlers';
import { createDbStore } from './store';

/** The date of evaluation in tests, so timeliness and charts are stable. */
export const TEST_TODAY = '2026-11-26';
export const localities = createLocalityIndex(data as unknown as LocalityDataset);
export const dbStore = createDbStore({ localities, today: TEST_TODAY });
export const server = setupServer(...createHandlers(dbStore));
