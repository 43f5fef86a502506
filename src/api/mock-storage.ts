/**
 * How the embedded mock API keeps edits in the browser (not part of the contract: only `GET /_mock` reports it).
 */
import { z } from 'zod';

export const STORAGE_NOTICES = ['old_version', 'corrupted', 'unavailable', 'save_failed', 'set_aside'] as const;
export type StorageNoticeKind = (typeof STORAGE_NOTICES)[number];

/** A stored record that did not fit on start, kept aside (its value is downloaded from `GET /_mock/set-aside/:id`). */
export const SetAsideSummary = z.object({
  id: z.string(),
  kind: z.enum(['task', 'article', 'store']),
  /** The task or article it belongs to (null: a whole store of an older version, or unreadable). */
  ref: z.string().nullable(),
  reason: z.enum(['old_version', 'corrupted', 'invalid', 'inconsistent']),
  setAsideAt: z.string(),
});
export type SetAsideSummary = z.infer<typeof SetAsideSummary>;

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
  /** What was set aside, to download or restore (absent on older mocks). */
  setAside: z.array(SetAsideSummary).default([]),
});
export type MockStorageStatus = z.infer<typeof MockStorageStatus>;
