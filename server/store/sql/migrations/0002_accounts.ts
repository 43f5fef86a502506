/**
 * Accounts (issue 14): users, sessions, display links, sign-in counters and the audit trail. The audit trail is
 * append-only in the database too: a trigger refuses every UPDATE and DELETE of audit_log on both engines.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { Engine } from './index';

export function accountsMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  const text = pg ? sql`text collate "C"` : sql`text`;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time (Kysely's advice)
    async up(db: Kysely<any>) {
      const seq = (c: ColumnDefinitionBuilder) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey());
      await db.schema
        .createTable('users')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('username', text, (c) => c.notNull().unique())
        .addColumn('display_name', text, (c) => c.notNull())
        .addColumn('role', text, (c) => c.notNull())
        .addColumn('unit_code', text)
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('password_hash', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('display_links')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('label', text, (c) => c.notNull())
        .addColumn('token_hash', text, (c) => c.notNull().unique())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('created_by', text, (c) => c.notNull())
        .addColumn('revoked_at', text)
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('user_id', text, (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('display_link_id', text, (c) => c.references('display_links.id').onDelete('cascade'))
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('expires_at', text, (c) => c.notNull())
        .addColumn('ip', text)
        .addColumn('user_agent', text)
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_display_link').on('sessions').column('display_link_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
      await db.schema
        .createTable('sign_in_counters')
        .addColumn('key', text, (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'integer', seq)
        .addColumn('at', text, (c) => c.notNull())
        .addColumn('actor_id', text)
        .addColumn('actor_name', text)
        .addColumn('action', text, (c) => c.notNull())
        .addColumn('target_type', text)
        .addColumn('target_id', text)
        .addColumn('before_json', text)
        .addColumn('after_json', text)
        .addColumn('ip', text)
        .addColumn('user_agent', text)
        .execute();
      await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
      await db.schema
        .createIndex('audit_target')
        .on('audit_log')
        .columns(['target_type', 'target_id', 'seq'])
        .execute();
      if (pg) {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_no_change before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
      } else {
        for (const op of ['update', 'delete']) {
          await sql`create trigger ${sql.raw(`audit_log_no_${op}`)} before ${sql.raw(op)} on audit_log
            begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        }
      }
    },
  };
}
