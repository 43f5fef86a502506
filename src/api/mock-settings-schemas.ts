import { z } from 'zod';
import { MockStorageStatus } from './mock-storage';

/**
 * The embedded mock API's demo controls (dataset size). Not part of the contract: a real server has no
 * `/_mock`, and the app then shows no demo controls.
 */
export const MockSettings = z.object({
  dataset: z.string(),
  datasets: z.array(z.string()),
  taskCount: z.int().nonnegative(),
  articleCount: z.int().nonnegative(),
  today: z.iso.date(),
  /** How edits are kept in the browser, and whether a stored copy had to be set aside (mocks/persistence.ts). */
  storage: MockStorageStatus.optional(),
  /** The fault scenario in force (mocks/scenarios.ts), for demonstrating error states. */
  scenario: z.string().optional(),
  scenarios: z.array(z.string()).optional(),
});
export type MockSettings = z.infer<typeof MockSettings>;
