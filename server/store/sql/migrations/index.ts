/**
 * The migrations, one set for both engines, as a static provider (no file-system scan, so the server bundles).
 * Where the engines differ the migration asks `engine`: the auto-numbered key, byte-order text, WITHOUT ROWID.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { RECOMPUTE } from '../aggregates';
import { accountsMigration } from './0002_accounts';

export type Engine = 'sqlite' | 'postgres';

function initial(engine: Engine): Migration {
  const pg = engine === 'postgres';
  /** Text compared byte by byte on both engines (SQLite's default is BINARY already). */
  const text = pg ? sql`text collate "C"` : sql`text`;
  const withoutRowid = pg ? sql`` : sql`without rowid`;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time, not today's (Kysely's advice)
    async up(db: Kysely<any>) {
      const seq = (c: ColumnDefinitionBuilder) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey());
      await db.schema
        .createTable('articles')
        .addColumn('seq', 'integer', seq)
        .addColumn('id', text, (c) => c.notNull().unique())
        .addColumn('title', text, (c) => c.notNull())
        .addColumn('publisher', text, (c) => c.notNull())
        .addColumn('date', text, (c) => c.notNull())
        .addColumn('url', text)
        .addColumn('url_normalized', text)
        .addColumn('fingerprint', text, (c) => c.notNull())
        .addColumn('illustrative', 'integer', (c) => c.notNull())
        .addColumn('body', text, (c) => c.notNull())
        .addColumn('task_ids', text, (c) => c.notNull())
        .addColumn('search', text, (c) => c.notNull())
        .addColumn('title_key', text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_url').on('articles').column('url_normalized').execute();
      await db.schema.createIndex('articles_fingerprint').on('articles').column('fingerprint').execute();
      await db.schema.createIndex('articles_order').on('articles').columns(['date', 'title_key', 'seq']).execute();

      await db.schema
        .createTable('tasks')
        .addColumn('seq', 'integer', seq)
        .addColumn('id', text, (c) => c.notNull().unique())
        .addColumn('title', text, (c) => c.notNull())
        .addColumn('description', text, (c) => c.notNull())
        .addColumn('article_id', text)
        .addColumn('quote_start', 'integer')
        .addColumn('quote_end', 'integer')
        .addColumn('quote_text', text)
        .addColumn('issuer', text, (c) => c.notNull())
        .addColumn('assignee', text, (c) => c.notNull())
        .addColumn('issuer_folded', text, (c) => c.notNull())
        .addColumn('assignee_folded', text, (c) => c.notNull())
        .addColumn('locality_codes', text, (c) => c.notNull())
        .addColumn('category', text, (c) => c.notNull())
        .addColumn('flagship', 'integer', (c) => c.notNull())
        .addColumn('deadline_date', text)
        .addColumn('deadline_text', text)
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('progress', 'integer', (c) => c.notNull())
        .addColumn('completed_at', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('search', text, (c) => c.notNull())
        .addColumn('title_key', text, (c) => c.notNull())
        .addColumn('assignee_key', text, (c) => c.notNull())
        .addColumn('locality_key', text, (c) => c.notNull())
        .execute();
      for (const [name, columns] of INITIAL_TASK_INDEXES) {
        await db.schema.createIndex(name).on('tasks').columns(columns).execute();
      }

      await db.schema
        .createTable('task_units')
        .addColumn('unit', 'integer', (c) => c.notNull())
        .addColumn('task_seq', 'integer', (c) => c.notNull().references('tasks.seq').onDelete('cascade'))
        .addPrimaryKeyConstraint('task_units_pk', ['unit', 'task_seq'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema
        .createTable('task_buckets')
        .addColumn('parent', 'integer', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('task_seq', 'integer', (c) => c.notNull().references('tasks.seq').onDelete('cascade'))
        .addPrimaryKeyConstraint('task_buckets_pk', ['parent', 'bucket', 'task_seq'])
        .modifyEnd(withoutRowid)
        .execute();

      await db.schema
        .createTable('task_updates')
        .addColumn('seq', 'integer', seq)
        .addColumn('id', text, (c) => c.notNull())
        .addColumn('task_id', text, (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', text, (c) => c.notNull())
        .addColumn('date', text, (c) => c.notNull())
        .addColumn('author', text, (c) => c.notNull())
        .addColumn('entry', text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('task_updates_task').on('task_updates').columns(['task_id', 'seq']).execute();
      await db.schema.createIndex('task_updates_recent').on('task_updates').columns(['recorded_at', 'id']).execute();

      await db.schema
        .createTable('meta')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('data_version', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('meta').values({ id: 1, data_version: 0 }).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', text, (c) => c.primaryKey())
        .addColumn('fingerprint', text, (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('body', text, (c) => c.notNull())
        .addColumn('headers', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above
    async down(db: Kysely<any>) {
      for (const table of [
        'idempotency_keys',
        'meta',
        'task_updates',
        'task_buckets',
        'task_units',
        'tasks',
        'articles',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

/** Open statuses, as the queries write them (a partial index is used when the query's predicate implies it). */
const OPEN_TASKS = "status in ('not_started', 'in_progress', 'paused')";

/** The indexes of tasks as 0001 created them (TASK_INDEXES below is today's list). */
const INITIAL_TASK_INDEXES: ReadonlyArray<readonly [string, string[]]> = [
  ['tasks_deadline', ['deadline_date', 'id']],
  ['tasks_status_deadline', ['status', 'deadline_date']],
  ['tasks_updated', ['updated_at', 'id']],
  ['tasks_created', ['created_at', 'id']],
  ['tasks_title', ['title_key', 'id']],
  ['tasks_assignee', ['assignee_key', 'id']],
  ['tasks_locality', ['locality_key', 'id']],
  ['tasks_progress', ['progress', 'id']],
  ['tasks_category', ['category', 'id']],
  ['tasks_article', ['article_id']],
  ['tasks_issuer_folded', ['issuer_folded']],
  ['tasks_assignee_folded', ['assignee_folded']],
];

/**
 * Secondary indexes of tasks: one per stored sort key (with id, the tie-break, so the first page of a sorted list
 * is read off the index), and the equality filters. importData drops and rebuilds them around a bulk load.
 */
export const TASK_INDEXES: ReadonlyArray<readonly [string, string[], string?]> = [
  ['tasks_deadline', ['deadline_date', 'id']],
  // Covering for the counts of /stats (status × category × timeliness): an index-only scan in group order.
  ['tasks_agg', ['status', 'category', 'deadline_date', 'completed_at']],
  ['tasks_updated', ['updated_at', 'id']],
  ['tasks_created', ['created_at', 'id']],
  ['tasks_title', ['title_key', 'id']],
  ['tasks_assignee', ['assignee_key', 'id']],
  ['tasks_locality', ['locality_key', 'id']],
  ['tasks_progress', ['progress', 'id']],
  ['tasks_category', ['category', 'id']],
  ['tasks_article', ['article_id']],
  ['tasks_issuer_folded', ['issuer_folded']],
  ['tasks_assignee_folded', ['assignee_folded']],
  // The open tasks by deadline: the most overdue of /stats are the first entries (partial: open tasks only).
  ['tasks_open_deadline', ['deadline_date', 'id'], OPEN_TASKS],
];

/** Creates one of TASK_INDEXES when missing (a partial index with its predicate). */
// biome-ignore lint/suspicious/noExplicitAny: used by migrations (their own schema) and the store alike
export async function createTaskIndex(db: Kysely<any>, [name, columns, where]: (typeof TASK_INDEXES)[number]) {
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const predicate = where ? sql` where ${sql.raw(where)}` : sql``;
  await sql`create index if not exists ${sql.ref(name)} on tasks (${list})${predicate}`.execute(db);
}

/** The most overdue tasks of /stats come off an index of the open tasks in deadline order, not a sort. */
function openDeadline(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time
    async up(db: Kysely<any>) {
      await createTaskIndex(db, ['tasks_open_deadline', ['deadline_date', 'id'], OPEN_TASKS]);
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('tasks_open_deadline').ifExists().execute();
    },
  };
}

/**
 * task_buckets carries the task fields timeliness and the compare figures read (status, deadline, completion date,
 * flagship, progress), so an unfiltered breakdown of /stats or /stats/compare reads that table alone; and the counts
 * of /stats get a covering index.
 */
function bucketFacts(engine: Engine): Migration {
  const text = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time
    async up(db: Kysely<any>) {
      // Tolerant of a database whose task_buckets has the columns already (created by a development build).
      const table = (await db.introspection.getTables()).find((t) => t.name === 'task_buckets');
      const has = new Set(table?.columns.map((c) => c.name));
      const add = async (name: string, type: typeof text | 'integer', build = (c: ColumnDefinitionBuilder) => c) => {
        if (!has.has(name)) await db.schema.alterTable('task_buckets').addColumn(name, type, build).execute();
      };
      await add('status', text, (c) => c.notNull().defaultTo(''));
      await add('deadline_date', text);
      await add('completed_at', text);
      await add('flagship', 'integer', (c) => c.notNull().defaultTo(0));
      await add('progress', 'integer', (c) => c.notNull().defaultTo(0));
      const from = (column: string) =>
        sql`(select ${sql.ref(`t.${column}`)} from tasks t where t.seq = task_buckets.task_seq)`;
      await sql`update task_buckets set status = ${from('status')}, deadline_date = ${from('deadline_date')},
        completed_at = ${from('completed_at')}, flagship = ${from('flagship')}, progress = ${from('progress')}`.execute(
        db,
      );
      await db.schema.dropIndex('tasks_status_deadline').ifExists().execute();
      await db.schema
        .createIndex('tasks_agg')
        .ifNotExists()
        .on('tasks')
        .columns(['status', 'category', 'deadline_date', 'completed_at'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('tasks_agg').ifExists().execute();
      await db.schema.createIndex('tasks_status_deadline').on('tasks').columns(['status', 'deadline_date']).execute();
      for (const column of ['progress', 'flagship', 'completed_at', 'deadline_date', 'status']) {
        await db.schema.alterTable('task_buckets').dropColumn(column).execute();
      }
    },
  };
}

/**
 * The counts an unfiltered /stats reads, maintained on write (../aggregates.ts), filled from the tasks already
 * stored.
 */
function statCounts(engine: Engine): Migration {
  const text = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  const withoutRowid = engine === 'postgres' ? sql`` : sql`without rowid`;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time
    async up(db: Kysely<any>) {
      const table = (name: string, keys: Array<[string, typeof text | 'integer']>) =>
        keys
          .reduce((t, [column, type]) => t.addColumn(column, type, (c) => c.notNull()), db.schema.createTable(name))
          .addColumn('n', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${name}_pk`, keys.map(([column]) => column) as never)
          .modifyEnd(withoutRowid)
          .execute();
      await table('stat_tasks', [
        ['status', text],
        ['category', text],
        ['kind', text],
        ['deadline_date', text],
      ]);
      await table('stat_buckets', [
        ['parent', 'integer'],
        ['bucket', 'integer'],
        ['kind', text],
        ['deadline_date', text],
      ]);
      await table('stat_months', [
        ['kind', text],
        ['month', text],
      ]);
      for (const name of STAT_COUNT_TABLES) await sql`insert into ${sql.table(name)} ${RECOMPUTE[name]}`.execute(db);
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above
    async down(db: Kysely<any>) {
      for (const name of STAT_COUNT_TABLES) await db.schema.dropTable(name).ifExists().execute();
    },
  };
}

/** The summary tables of statCounts (later ones have their own migration). */
const STAT_COUNT_TABLES = ['stat_tasks', 'stat_buckets', 'stat_months'] as const;

/**
 * The counts of each province's tasks (stat_scoped, ../aggregates.ts: a locality filter of one province reads a few
 * thousand of them instead of its tasks), filled from the tasks already stored.
 */
function statScoped(engine: Engine): Migration {
  const text = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  const withoutRowid = engine === 'postgres' ? sql`` : sql`without rowid`;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time
    async up(db: Kysely<any>) {
      const keys = ['parent', 'grain', 'period', 'status', 'category', 'kind'] as const;
      await keys
        .reduce(
          (t, column) => t.addColumn(column, column === 'parent' ? 'integer' : text, (c) => c.notNull()),
          db.schema.createTable('stat_scoped'),
        )
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('stat_scoped_pk', [...keys] as never)
        .modifyEnd(withoutRowid)
        .execute();
      await sql`insert into stat_scoped ${RECOMPUTE.stat_scoped}`.execute(db);
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above
    async down(db: Kysely<any>) {
      await db.schema.dropTable('stat_scoped').ifExists().execute();
    },
  };
}

/**
 * SQLite: planner statistics of the tasks table from a full scan, replacing those a bulk load sampled (see
 * importData): sampled, an index led by status or category looked as selective as one led by an id.
 */
function tasksStatistics(engine: Engine): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its own time
    async up(db: Kysely<any>) {
      if (engine !== 'sqlite') return;
      const { rows } = await sql<{ analysis_limit: number }>`pragma analysis_limit`.execute(db);
      await sql`pragma analysis_limit = 0`.execute(db);
      await sql`analyze tasks`.execute(db);
      await sql.raw(`pragma analysis_limit = ${Number(rows[0]?.analysis_limit ?? 0)}`).execute(db);
    },
    async down() {},
  };
}

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '0001_initial': initial(engine),
        '0002_accounts': accountsMigration(engine),
        '0003_bucket_facts': bucketFacts(engine),
        '0004_open_deadline': openDeadline(),
        '0005_stat_counts': statCounts(engine),
        '0006_tasks_statistics': tasksStatistics(engine),
        '0007_stat_scoped': statScoped(engine),
      };
    },
  };
}
