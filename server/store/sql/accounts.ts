/**
 * The accounts part of the SQL store (server/store/accounts.ts) on SQLite and PostgreSQL, over the tables of
 * migrations/0002_accounts.ts. Booleans are 0/1, before/after of the audit trail JSON text, like the rest of the
 * SQL store. The sign-in counter is one atomic upsert, so concurrent failures are all counted.
 */
import { type Kysely, sql } from 'kysely';
import type { AuditEntry } from '../../../src/api/session-schemas';
import type { AccountStore, NewAuditEntry, StoredDisplayLink, StoredSession, StoredUser } from '../accounts';
import { insertAudit } from './audit';

type UsersTable = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_code: string | null;
  disabled: number;
  password_hash: string;
  created_at: string;
  updated_at: string;
};
type SessionsTable = {
  id: string;
  user_id: string | null;
  display_link_id: string | null;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};
type DisplayLinksTable = {
  id: string;
  label: string;
  token_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
};
type CountersTable = {
  key: string;
  count: number;
  reset_at: number | string;
};
type AuditTable = {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  user_agent: string | null;
};
export type AccountTables = {
  users: UsersTable;
  sessions: SessionsTable;
  display_links: DisplayLinksTable;
  sign_in_counters: CountersTable;
  audit_log: AuditTable;
};

const userFromRow = (r: UsersTable): StoredUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as StoredUser['role'],
  unitCode: r.unit_code,
  disabled: Number(r.disabled) === 1,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const userToRow = (u: StoredUser): UsersTable => ({
  id: u.id,
  username: u.username,
  display_name: u.displayName,
  role: u.role,
  unit_code: u.unitCode,
  disabled: u.disabled ? 1 : 0,
  password_hash: u.passwordHash,
  created_at: u.createdAt,
  updated_at: u.updatedAt,
});
const sessionFromRow = (r: SessionsTable): StoredSession => ({
  id: r.id,
  userId: r.user_id,
  displayLinkId: r.display_link_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  ip: r.ip,
  userAgent: r.user_agent,
});
const linkFromRow = (r: DisplayLinksTable): StoredDisplayLink => ({
  id: r.id,
  label: r.label,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
});
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** A unique-constraint violation, on either engine. */
const isDuplicate = (error: unknown) => /unique|duplicate key/i.test(String((error as Error)?.message ?? error));

export function sqlAccounts<DB>(database: Kysely<DB>): AccountStore {
  // The store's own tables are typed in database.ts; these are typed here, next to the only code that reads them.
  const db = database as unknown as Kysely<AccountTables>;
  return {
    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(userFromRow);
    },
    async getUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? userFromRow(row) : null;
    },
    async findUser(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? userFromRow(row) : null;
    },
    async insertUser(user) {
      try {
        await db.insertInto('users').values(userToRow(user)).execute();
        return 'ok';
      } catch (error) {
        if (isDuplicate(error)) return 'duplicate';
        throw error;
      }
    },
    async updateUser(user) {
      try {
        const { id, ...rest } = userToRow(user);
        const result = await db.updateTable('users').set(rest).where('id', '=', id).executeTakeFirst();
        return Number(result.numUpdatedRows) === 0 ? 'missing' : 'ok';
      } catch (error) {
        if (isDuplicate(error)) return 'duplicate';
        throw error;
      }
    },

    async insertSession(s) {
      // Sessions that have expired go when new ones come, so the table does not grow without end.
      await db.deleteFrom('sessions').where('expires_at', '<', s.createdAt).execute();
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          display_link_id: s.displayLinkId,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          ip: s.ip,
          user_agent: s.userAgent,
        })
        .execute();
    },
    async getSession(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? sessionFromRow(row) : null;
    },
    async extendSession(id, expiresAt) {
      await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteSessionsOf(owner) {
      const q = db.deleteFrom('sessions');
      const result = await ('userId' in owner
        ? q.where('user_id', '=', owner.userId)
        : q.where('display_link_id', '=', owner.displayLinkId)
      ).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async insertDisplayLink(link) {
      await db
        .insertInto('display_links')
        .values({
          id: link.id,
          label: link.label,
          token_hash: link.tokenHash,
          created_at: link.createdAt,
          created_by: link.createdBy,
          revoked_at: link.revokedAt,
        })
        .execute();
    },
    async listDisplayLinks() {
      return (await db.selectFrom('display_links').selectAll().orderBy('created_at', 'desc').execute()).map(
        linkFromRow,
      );
    },
    async getDisplayLink(id) {
      const row = await db.selectFrom('display_links').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? linkFromRow(row) : null;
    },
    async findDisplayLinkByToken(tokenHash) {
      const row = await db
        .selectFrom('display_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? linkFromRow(row) : null;
    },
    async revokeDisplayLink(id, at) {
      await db
        .updateTable('display_links')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      return this.getDisplayLink(id);
    },

    async hitCounter(key, nowMs, windowMs) {
      const { rows } = await sql<{ count: number; reset_at: number | string }>`
        insert into sign_in_counters (key, count, reset_at) values (${key}, 1, ${nowMs + windowMs})
        on conflict (key) do update set
          count = case when sign_in_counters.reset_at > ${nowMs} then sign_in_counters.count + 1 else 1 end,
          reset_at = case when sign_in_counters.reset_at > ${nowMs} then sign_in_counters.reset_at
            else ${nowMs + windowMs} end
        returning count, reset_at`.execute(db);
      const row = rows[0];
      return { count: Number(row?.count ?? 1), resetAt: Number(row?.reset_at ?? nowMs + windowMs) };
    },
    async readCounter(key, nowMs) {
      const row = await db.selectFrom('sign_in_counters').selectAll().where('key', '=', key).executeTakeFirst();
      return row && Number(row.reset_at) > nowMs ? { count: Number(row.count), resetAt: Number(row.reset_at) } : null;
    },
    async clearCounter(key) {
      await db.deleteFrom('sign_in_counters').where('key', '=', key).execute();
    },

    async appendAudit(entries) {
      const list: readonly NewAuditEntry[] = Array.isArray(entries) ? entries : [entries as NewAuditEntry];
      await insertAudit(db, list);
    },
    async transaction(fn) {
      // Already inside one (a nested call): its calls join it.
      if (database.isTransaction) return fn(this);
      return database.transaction().execute((trx) => fn(sqlAccounts(trx)));
    },
    async listAudit({ user, task, action, fromAt, toAt, page, pageSize }) {
      let q = db.selectFrom('audit_log');
      if (user) q = q.where('actor_id', '=', user);
      if (task) q = q.where('target_type', '=', 'task').where('target_id', '=', task);
      if (action) q = q.where('action', '=', action);
      if (fromAt) q = q.where('at', '>=', fromAt);
      if (toAt) q = q.where('at', '<=', toAt);
      const total = await q.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirst();
      const rows = await q
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      const items: AuditEntry[] = rows.map((r) => ({
        id: Number(r.seq),
        at: r.at,
        actor: r.actor_id ? { id: r.actor_id, username: r.actor_name ?? '' } : null,
        action: r.action as AuditEntry['action'],
        target: r.target_type && r.target_id ? { type: r.target_type, id: r.target_id } : null,
        before: parse(r.before_json),
        after: parse(r.after_json),
        ip: r.ip,
        userAgent: r.user_agent,
      }));
      return { items, total: Number(total?.n ?? 0) };
    },
  };
}
