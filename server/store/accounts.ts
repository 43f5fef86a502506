/**
 * The accounts part of the storage interface: users, sessions, display links, sign-in counters and the audit
 * trail. Nothing HTTP-shaped and no rules: who may do what is server/auth; the adapters store and find. The audit
 * trail can only be appended to and read: no method edits or deletes an entry.
 */
import type { AuditAction, AuditEntry, Role } from '../../src/api/session-schemas';

export interface StoredUser {
  id: string;
  /** Lower case, unique. */
  username: string;
  displayName: string;
  role: Role;
  /** An updater's unit; null for the other roles. */
  unitCode: string | null;
  disabled: boolean;
  /** Self-describing hash (`scrypt$…` or `pbkdf2-sha256$…`, server/auth/passwords.ts). */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredSession {
  /** SHA-256 of the cookie's token, hex: the token itself is never stored. */
  id: string;
  /** The signed-in user, or null for a wall screen's display session. */
  userId: string | null;
  displayLinkId: string | null;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface StoredDisplayLink {
  id: string;
  label: string;
  /** SHA-256 of the link's token, hex. */
  tokenHash: string;
  createdAt: string;
  /** User name of the admin who created it. */
  createdBy: string;
  revokedAt: string | null;
}

/** An audit entry before the store numbers it. */
export interface NewAuditEntry {
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditFilter {
  /** Id of the acting user. */
  user?: string;
  /** Entries whose target is this task. */
  task?: string;
  action?: AuditAction;
  /** ISO instants, inclusive. */
  fromAt?: string;
  toAt?: string;
  page: number;
  pageSize: number;
}

/** A fixed-window counter of failed sign-ins. */
export interface Counter {
  count: number;
  /** Epoch milliseconds when the window ends. */
  resetAt: number;
}

export interface AccountStore {
  countUsers(): Promise<number>;
  /** Every user, by user name. */
  listUsers(): Promise<StoredUser[]>;
  getUser(id: string): Promise<StoredUser | null>;
  /** By user name (lower case). */
  findUser(username: string): Promise<StoredUser | null>;
  insertUser(user: StoredUser): Promise<'ok' | 'duplicate'>;
  /** Replaces a user's fields; 'duplicate' when the new user name is taken. */
  updateUser(user: StoredUser): Promise<'ok' | 'duplicate' | 'missing'>;

  insertSession(session: StoredSession): Promise<void>;
  getSession(id: string): Promise<StoredSession | null>;
  extendSession(id: string, expiresAt: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a user or of a display link; returns how many. */
  deleteSessionsOf(owner: { userId: string } | { displayLinkId: string }): Promise<number>;

  insertDisplayLink(link: StoredDisplayLink): Promise<void>;
  /** Newest first. */
  listDisplayLinks(): Promise<StoredDisplayLink[]>;
  getDisplayLink(id: string): Promise<StoredDisplayLink | null>;
  findDisplayLinkByToken(tokenHash: string): Promise<StoredDisplayLink | null>;
  /** Sets `revokedAt` once; null when there is no such link. */
  revokeDisplayLink(id: string, at: string): Promise<StoredDisplayLink | null>;

  /** Counts one more failure under `key`; a window that has ended starts again at 1. */
  hitCounter(key: string, nowMs: number, windowMs: number): Promise<Counter>;
  /** The current window's count, or null when none is running. */
  readCounter(key: string, nowMs: number): Promise<Counter | null>;
  clearCounter(key: string): Promise<void>;

  /** Appends an entry, or several in one write (in order); the store gives each the next id. */
  appendAudit(entry: NewAuditEntry | readonly NewAuditEntry[]): Promise<void>;
  /** Newest first, filtered and paged. */
  listAudit(filter: AuditFilter): Promise<{ items: AuditEntry[]; total: number }>;

  /**
   * Runs `fn`'s calls on `accounts` in one transaction: a change and its audit entry are stored together or not at
   * all (a throw rolls back). SQL: one database transaction; memory: the calls in order.
   */
  transaction<T>(fn: (accounts: AccountStore) => Promise<T>): Promise<T>;
}
