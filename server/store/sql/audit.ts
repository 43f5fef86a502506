/**
 * Audit rows written inside another write's transaction (server/store/sql/index.ts): a change to the data and its
 * audit entry commit together, so an acknowledged write always has its entry and a rolled-back one never does.
 * The table is append-only (a trigger refuses UPDATE and DELETE, migrations/0002_accounts.ts): only inserts here.
 */
import type { Kysely } from 'kysely';
import type { NewAuditEntry } from '../accounts';

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The audit_log row of an entry (its seq comes from the table). */
export const auditRow = (e: NewAuditEntry) => ({
  at: e.at,
  actor_id: e.actorId,
  actor_name: e.actorName,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  before_json: json(e.before),
  after_json: json(e.after),
  ip: e.ip,
  user_agent: e.userAgent,
});

/** Appends the entries, in order, with the connection or transaction `q`. */
export async function insertAudit<DB>(q: Kysely<DB>, entries: readonly NewAuditEntry[]): Promise<void> {
  // Rows of 10 parameters: 500 per statement stays under both engines' parameter limits.
  for (let i = 0; i < entries.length; i += 500) {
    await (q as unknown as Kysely<{ audit_log: ReturnType<typeof auditRow> }>)
      .insertInto('audit_log')
      .values(entries.slice(i, i + 500).map(auditRow))
      .execute();
  }
}
