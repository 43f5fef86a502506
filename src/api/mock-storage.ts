/**
 * How the embedded mock API keeps edits in the browser (not part of the contract: only `GET /_mock` reports it).
 */
import { z } from 'zod';

export const STORAGE_NOTICES = ['old_version', 'corrupted', 'unavailable', 'save_failed'] as const;
export type StorageNoticeKind = (typeof STORAGE_NOTICES)[number];

export const MockStorageStatus = z.object({
  /** Where edits are kept: IndexedDB, or nowhere (they last until the page is reloaded). */
  kind: z.enum(['indexeddb', 'memory', 'none']),
  /** Tasks changed since the sample data was loaded. */
  editedTasks: z.int().nonnegative(),
  savedAt: z.string().nullable(),
  /**
   * Set when the stored edits could not be used (an old format or unreadable data: the sample data was restored and
   * the unreadable copy kept aside) or could not be saved.
   */
  notice: z.object({ kind: z.enum(STORAGE_NOTICES), at: z.string() }).nullable(),
});
export type MockStorageStatus = z.infer<typeof MockStorageStatus>;
