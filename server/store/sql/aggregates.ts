/**
 * Counts of tasks maintained on write, so that an unfiltered GET /stats reads a few tens of thousands of summary
 * rows instead of grouping a million tasks (issue #10: cold ≤ 1.5 s).
 *
 * Timeliness depends on the date of evaluation, so the counts are not kept per timeliness but per what timeliness
 * is derived from: a task's `kind` is its timeliness when that no longer depends on the date (cancelled, no
 * deadline, finished on time or late), or 'open' / 'done' (finished with no completion date) with its deadline
 * date, which a read compares with today (statKindTimeliness, as timelinessOf does). Three tables:
 *   - stat_tasks (status, category, kind, deadline_date) → n: the status × category × timeliness counts;
 *   - stat_buckets (parent, bucket, kind, deadline_date) → n: the breakdown by province of each era (the rows of
 *     task_buckets under the two era roots, the only parents an unfiltered /stats lists);
 *   - stat_months (kind 'created' | 'completed', month) → n: the monthly chart.
 * Every write that adds or changes a task adds its rows' deltas (StatDeltas) in the same transaction; a count that
 * falls to zero stays as a row with n = 0, which the reads skip. `deadline_date` is '' where it is not needed (a
 * key column, never NULL, so the upsert's conflict target matches it on both engines).
 */
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import type { StoredTask } from '../../../src/api/schemas';
import type { Database } from './database';
import type { EvalDates } from './query';
import { rootUid, type TaskUnitRows, type UnitTables } from './units';

/** The parents whose breakdown is maintained: the roots of both eras (their children are the provinces). */
export const STAT_PARENTS = [rootUid('pre2025'), rootUid('post2025')] as const;

const OPEN = new Set(['not_started', 'in_progress', 'paused']);

/** What a task's counts are derived from (the columns of its row, its unit codes parsed). */
export interface StatFacts {
  status: string;
  category: string;
  deadline_date: string | null;
  completed_at: string | null;
  created_at: string;
  localityCodes: readonly string[];
}

/** StatFacts of a stored row. */
export const statFactsOfRow = (r: Omit<StatFacts, 'localityCodes'> & { locality_codes: string }): StatFacts => ({
  status: r.status,
  category: r.category,
  deadline_date: r.deadline_date,
  completed_at: r.completed_at,
  created_at: r.created_at,
  localityCodes: JSON.parse(r.locality_codes) as string[],
});

/** StatFacts of a task. */
export const statFactsOf = (t: StoredTask): StatFacts => ({
  status: t.status,
  category: t.category,
  deadline_date: t.deadline ? t.deadline.date : null,
  completed_at: t.completedAt,
  created_at: t.createdAt,
  localityCodes: t.localityCodes,
});

/** [kind, deadline key] of a task: see the file's comment. Mirrors KIND_SQL. */
export function statKind(f: Pick<StatFacts, 'status' | 'deadline_date' | 'completed_at'>): [string, string] {
  if (f.status === 'cancelled') return ['cancelled', ''];
  if (f.deadline_date === null) return ['no_deadline', ''];
  if (f.status === 'done') {
    if (f.completed_at === null) return ['done', f.deadline_date];
    return [f.completed_at <= f.deadline_date ? 'done_on_time' : 'done_late', ''];
  }
  return [OPEN.has(f.status) ? 'open' : f.status, f.deadline_date];
}

/** statKind in SQL over a row `t` with the task's status, deadline_date and completed_at. */
export const KIND_SQL = sql<string>`case
  when t.status = 'cancelled' then 'cancelled'
  when t.deadline_date is null then 'no_deadline'
  when t.status = 'done' then case when t.completed_at is null then 'done'
    when t.completed_at <= t.deadline_date then 'done_on_time' else 'done_late' end
  when t.status in ('not_started', 'in_progress', 'paused') then 'open'
  else t.status end`;
export const DEADLINE_KEY_SQL = sql<string>`case
  when t.status = 'cancelled' or t.deadline_date is null then ''
  when t.status = 'done' and t.completed_at is not null then ''
  else t.deadline_date end`;

/** The timeliness of a summary row `s` (kind, deadline_date) at the date of evaluation: timelinessOf. */
export function statKindTimeliness({ today, soon }: EvalDates): RawBuilder<string> {
  return sql<string>`case s.kind
    when 'open' then case when s.deadline_date < ${today} then 'overdue'
      when s.deadline_date <= ${soon} then 'due_soon' else 'on_track' end
    when 'done' then case when ${today} <= s.deadline_date then 'done_on_time' else 'done_late' end
    else s.kind end`;
}

/** Strings numbered in order of first use (the keys of StatDeltas are numbers: a bulk load adds a million tasks). */
class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      if (id >= DAYS) throw new Error('Too many distinct dates in one batch of count changes.');
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

const STATUSES = ['not_started', 'in_progress', 'paused', 'done', 'cancelled'];
const KINDS = ['cancelled', 'no_deadline', 'done_on_time', 'done_late', 'done', 'open'];
/** Key fields packed into one number (exact below 2^53): bucket uid < 2^25, kind < 8, date or month id < 2^24. */
const DAYS = 2 ** 24;
const BUCKETS = 2 ** 25;

/** Count changes of the summary tables, gathered in JavaScript and written by flush (in the caller's transaction). */
export class StatDeltas {
  /** By ((status × categories + category) × 8 + kind) × DAYS + deadline. */
  private readonly tasks = new Map<number, number>();
  /** By ((parent index × BUCKETS + bucket) × 8 + kind) × DAYS + deadline. */
  private readonly buckets = new Map<number, number>();
  /** By (created 0 | completed 1) × DAYS + month. */
  private readonly months = new Map<number, number>();
  private readonly strings = new Dictionary();
  private readonly categories = new Dictionary();
  constructor(private readonly units: UnitTables) {}

  /** Adds (sign 1) or removes (sign -1) one task's counts; `rows`: its unit rows when known already. */
  add(f: StatFacts, sign: 1 | -1, rows?: TaskUnitRows) {
    const [kind, deadline] = statKind(f);
    const status = STATUSES.indexOf(f.status);
    const k = KINDS.indexOf(kind);
    if (status < 0 || k < 0) throw new Error(`Unknown task status "${f.status}".`);
    const day = this.strings.id(deadline);
    const category = this.categories.id(f.category);
    if (category >= 1024) throw new Error('Too many categories in one batch of count changes.');
    bump(this.tasks, ((status * 1024 + category) * 8 + k) * DAYS + day, sign);
    bump(this.months, this.strings.id(f.created_at.slice(0, 7)), sign);
    if (f.status === 'done' && f.completed_at !== null) {
      bump(this.months, DAYS + this.strings.id(f.completed_at.slice(0, 7)), sign);
    }
    const { buckets } =
      rows ?? this.units.rowsOf({ localityCodes: f.localityCodes as string[], createdAt: f.created_at });
    for (const [parent, bucket] of buckets) {
      const p = parent === STAT_PARENTS[0] ? 0 : parent === STAT_PARENTS[1] ? 1 : -1;
      if (p < 0) continue;
      if (bucket < 0 || bucket >= BUCKETS) throw new Error(`Unit ${bucket} out of range.`);
      bump(this.buckets, ((p * BUCKETS + bucket) * 8 + k) * DAYS + day, sign);
    }
  }

  /** Replaces a task's counts: the stored state's removed, the next state's added. */
  change(before: StatFacts, after: StatFacts) {
    this.add(before, -1);
    this.add(after, 1);
  }

  /** Writes the deltas (upserts adding to n) and empties them. */
  async flush(q: Kysely<Database>, engine: 'sqlite' | 'postgres') {
    const str = (id: number) => this.strings.values[id] as string;
    const upsert = async (
      table: string,
      columns: string[],
      entries: Map<number, number>,
      row: (key: number) => unknown[],
    ) => {
      const rows: unknown[][] = [];
      for (const [key, n] of entries) if (n !== 0) rows.push([...row(key), n]);
      entries.clear();
      const all = [...columns, 'n'];
      const perStatement = Math.floor((engine === 'sqlite' ? 32_000 : 65_000) / all.length);
      // Statement text and flat parameters made directly: a fresh bulk load writes ~230,000 rows at its end, and
      // Kysely's sql templates (a node per value, then compiled) took 1.7 s of CPU for them.
      const conflict = `on conflict (${columns.map((c) => `"${c}"`).join(', ')}) do update set n = "${table}".n + excluded.n`;
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        let p = 0;
        const tuple = () => `(${all.map(() => (engine === 'postgres' ? `$${++p}` : '?')).join(', ')})`;
        const text = `insert into "${table}" (${all.map((c) => `"${c}"`).join(', ')}) values ${chunk.map(tuple).join(', ')} ${conflict}`;
        await q.executeQuery(CompiledQuery.raw(text, chunk.flat()));
      }
    };
    await upsert('stat_tasks', ['status', 'category', 'kind', 'deadline_date'], this.tasks, (key) => {
      const day = key % DAYS;
      const rest = (key - day) / DAYS;
      const k = rest % 8;
      const sc = (rest - k) / 8;
      return [STATUSES[Math.floor(sc / 1024)], this.categories.values[sc % 1024], KINDS[k], str(day)];
    });
    await upsert('stat_buckets', ['parent', 'bucket', 'kind', 'deadline_date'], this.buckets, (key) => {
      const day = key % DAYS;
      const rest = (key - day) / DAYS;
      const k = rest % 8;
      const pb = (rest - k) / 8;
      return [STAT_PARENTS[Math.floor(pb / BUCKETS)], pb % BUCKETS, KINDS[k], str(day)];
    });
    await upsert('stat_months', ['kind', 'month'], this.months, (key) => [
      key >= DAYS ? 'completed' : 'created',
      str(key % DAYS),
    ]);
  }
}

function bump(map: Map<number, number>, key: number, by: number) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * The summary tables' rows computed from the tasks (and task_buckets): what the migration writes into a database
 * that has tasks already, and what a test compares the maintained counts with. Each a SELECT of (key…, n).
 */
export const RECOMPUTE = {
  stat_tasks: sql`select t.status as status, t.category as category, ${KIND_SQL} as kind,
    ${DEADLINE_KEY_SQL} as deadline_date, count(*) as n from tasks t group by 1, 2, 3, 4`,
  stat_buckets: sql`select t.parent as parent, t.bucket as bucket, ${KIND_SQL} as kind,
    ${DEADLINE_KEY_SQL} as deadline_date, count(*) as n from task_buckets t
    where t.parent in (${sql.join([...STAT_PARENTS])}) group by 1, 2, 3, 4`,
  stat_months: sql`select 'created' as kind, substr(t.created_at, 1, 7) as month, count(*) as n from tasks t group by 1, 2
    union all select 'completed', substr(t.completed_at, 1, 7), count(*) from tasks t
    where t.status = 'done' and t.completed_at is not null group by 1, 2`,
} as const;

export const STAT_TABLES = Object.keys(RECOMPUTE) as Array<keyof typeof RECOMPUTE>;

/**
 * Each summary table as maintained (rows with n = 0 left out) and as computed from the tasks now, both as sorted
 * JSON rows: equal when the counts are right (tests; a check after a manual repair).
 */
export async function statCountsNowAndMaintained(db: Kysely<Database>) {
  const out = {} as Record<(typeof STAT_TABLES)[number], { maintained: string[]; computed: string[] }>;
  // PostgreSQL returns count(*) as a bigint string.
  const norm = (rows: unknown[]) =>
    rows
      .map((r) =>
        JSON.stringify(
          Object.values(r as Record<string, unknown>).map((v, i, all) => (i === all.length - 1 ? Number(v) : v)),
        ),
      )
      .sort();
  for (const table of STAT_TABLES) {
    const maintained = await sql`select * from ${sql.table(table)} where n <> 0`.execute(db);
    const computed = await RECOMPUTE[table].execute(db);
    out[table] = { maintained: norm(maintained.rows), computed: norm(computed.rows) };
  }
  return out;
}
