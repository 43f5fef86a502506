/**
 * The accounts part of the memory store (server/store/accounts.ts): plain maps, for the browser demo and fast
 * tests. Kept apart from the task data, so a dataset switch or a reset of the demo's data does not sign anyone out.
 */
import type { AuditEntry } from '../../src/api/session-schemas';
import type { AccountStore, Counter, NewAuditEntry, StoredDisplayLink, StoredSession, StoredUser } from './accounts';

export interface MemoryAccounts extends AccountStore {
  /** The raw maps, for a demo that restores a session after a reload (mocks/accounts.ts). */
  readonly sessions: Map<string, StoredSession>;
}

const copy = <T>(value: T): T => (value === null ? value : structuredClone(value));

export function createMemoryAccounts(): MemoryAccounts {
  const users = new Map<string, StoredUser>();
  const sessions = new Map<string, StoredSession>();
  const links = new Map<string, StoredDisplayLink>();
  const counters = new Map<string, Counter>();
  const audit: AuditEntry[] = [];
  const byName = (username: string) => [...users.values()].find((u) => u.username === username) ?? null;

  return {
    sessions,

    async countUsers() {
      return users.size;
    },
    async listUsers() {
      return [...users.values()].sort((a, b) => a.username.localeCompare(b.username)).map(copy);
    },
    async getUser(id) {
      return copy(users.get(id) ?? null);
    },
    async findUser(username) {
      return copy(byName(username));
    },
    async insertUser(user) {
      if (users.has(user.id) || byName(user.username)) return 'duplicate';
      users.set(user.id, copy(user));
      return 'ok';
    },
    async updateUser(user) {
      if (!users.has(user.id)) return 'missing';
      const other = byName(user.username);
      if (other && other.id !== user.id) return 'duplicate';
      users.set(user.id, copy(user));
      return 'ok';
    },

    async insertSession(session) {
      sessions.set(session.id, copy(session));
    },
    async getSession(id) {
      return copy(sessions.get(id) ?? null);
    },
    async extendSession(id, expiresAt) {
      const s = sessions.get(id);
      if (s) s.expiresAt = expiresAt;
    },
    async deleteSession(id) {
      sessions.delete(id);
    },
    async deleteSessionsOf(owner) {
      let n = 0;
      for (const [id, s] of sessions) {
        const match = 'userId' in owner ? s.userId === owner.userId : s.displayLinkId === owner.displayLinkId;
        if (match) {
          sessions.delete(id);
          n += 1;
        }
      }
      return n;
    },

    async insertDisplayLink(link) {
      links.set(link.id, copy(link));
    },
    async listDisplayLinks() {
      return [...links.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(copy);
    },
    async getDisplayLink(id) {
      return copy(links.get(id) ?? null);
    },
    async findDisplayLinkByToken(tokenHash) {
      return copy([...links.values()].find((l) => l.tokenHash === tokenHash) ?? null);
    },
    async revokeDisplayLink(id, at) {
      const link = links.get(id);
      if (!link) return null;
      link.revokedAt ??= at;
      return copy(link);
    },

    async hitCounter(key, nowMs, windowMs) {
      const c = counters.get(key);
      const next =
        c && c.resetAt > nowMs ? { count: c.count + 1, resetAt: c.resetAt } : { count: 1, resetAt: nowMs + windowMs };
      counters.set(key, next);
      return { ...next };
    },
    async readCounter(key, nowMs) {
      const c = counters.get(key);
      return c && c.resetAt > nowMs ? { ...c } : null;
    },
    async clearCounter(key) {
      counters.delete(key);
    },

    async appendAudit(entries) {
      const list: readonly NewAuditEntry[] = Array.isArray(entries) ? entries : [entries as NewAuditEntry];
      for (const e of list)
        audit.push({
          id: audit.length + 1,
          at: e.at,
          actor: e.actorId ? { id: e.actorId, username: e.actorName ?? '' } : null,
          action: e.action,
          target: e.targetType && e.targetId ? { type: e.targetType, id: e.targetId } : null,
          before: copy(e.before ?? null),
          after: copy(e.after ?? null),
          ip: e.ip,
          userAgent: e.userAgent,
        });
    },
    async transaction(fn) {
      // Each call applies at once and nothing here can fail half-way: the calls in order are the transaction.
      return fn(this);
    },
    async listAudit({ user, task, action, fromAt, toAt, page, pageSize }) {
      const from = fromAt ? Date.parse(fromAt) : null;
      const to = toAt ? Date.parse(toAt) : null;
      const rows = audit
        .filter(
          (e) =>
            (!user || e.actor?.id === user) &&
            (!task || (e.target?.type === 'task' && e.target.id === task)) &&
            (!action || e.action === action) &&
            (from === null || Date.parse(e.at) >= from) &&
            (to === null || Date.parse(e.at) <= to),
        )
        .reverse();
      return { items: rows.slice((page - 1) * pageSize, page * pageSize).map(copy), total: rows.length };
    },
  };
}
