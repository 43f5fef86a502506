/**
 * Counts of tasks maintained on write, so that an unfiltered GET /stats reads a few tens of thousands of summary
 * rows instead of grouping a million tasks (issue #10: cold ≤ 1.5 s).
 *
 * Timeliness depends on the date of evaluation, so the counts are not kept per timeliness but per what timeliness
 * is derived from: a task's `kind` is its timeliness when that no longer depends on the date (cancelled, no
 * deadline, finished on time or late), or 'open' / 'done' (finished with no completion date) with its deadline
 * date, which a read compares with today (statKindTimeliness, as timelinessOf does). Four tables:
 *   - stat_tasks (status, category, kind, deadline_date) → n: the status × category × timeliness counts;
 *   - stat_buckets (parent, bucket, kind, deadline_date) → n: the breakdown by province of each era (the rows of
 *     task_buckets under the two era roots, the only parents an unfiltered /stats lists);
 *   - stat_months (kind 'created' | 'completed', month) → n: the monthly chart;
 *   - stat_scoped (parent, grain, period, status, category, kind) → n: the counts and months of the tasks of each
 *     province of either era (a locality filter of one province: the overview's drill-down), see SCOPED_GRAINS.
 * Every write that adds or changes a task adds its rows' deltas (StatDeltas) in the same transaction; a count that
 * falls to zero stays as a row with n = 0, which the reads skip. `deadline_date` is '' where it is not needed (a
 * key column, never NULL, so the upsert's conflict target matches it on both engines).
 */
import { CompiledQuery, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { StoredTask } from '../../../src/api/schemas';
import type { Database } from './database';
import { type EvalDates, timelinessSql } from './query';
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

/**
 * The rows of stat_scoped, by `grain`:
 *   - 'q': the counts by status × category × kind; `period` is the deadline's quarter (YYYY-Qn) for the kinds whose
 *     timeliness depends on the date ('open', 'done'), '' for the others;
 *   - 'c' / 'f': tasks assigned (created) / finished (completed) by month; status, category and kind are ''.
 * Timeliness at a date is read from the quarter rows, but for the quarters of `today` and of `soon` (the only ones
 * a deadline can fall in and be both before and after one of them), where it is read from the tasks due in them: a
 * province's few thousand rows and a few thousand of its tasks, instead of its tens of thousands of tasks. (Rows by
 * deadline day would be as many as the tasks themselves: 400,000 more rows at 1,000,000 tasks; by month, three
 * times as many rows as by quarter, each a cost to db:generate.)
 */
export const SCOPED_GRAINS = ['q', 'c', 'f'] as const;

/** The quarter (YYYY-Qn) of a date or month (YYYY-MM…). */
export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** quarterOf in SQL, of a date column or expression that may be '' (then ''). */
const quarterSql = (date: RawBuilder<string>) => sql<string>`case when ${date} = '' then '' else
  substr(${date}, 1, 5) || 'Q' || cast((cast(substr(${date}, 6, 2) as integer) + 2) / 3 as text) end`;

/** Whether a unit uid is a province's (level 0, not an era's root): the parents stat_scoped is kept for. */
export const isProvinceUid = (uid: number) => uid % 10_000_000 < 1_000_000;

/**
 * Counts by status × category × timeliness at `d` of the tasks of province `parent`, as rows (status, category, tl,
 * n) for a GROUP BY: its stat_scoped quarter rows, but for the quarters of today and soon, whose tasks are read
 * (those with a deadline in them and a timeliness that depends on the date). `tasksDue`: the seqs of the province's
 * tasks of kind 'open' or 'done' due between two dates (inclusive).
 */
export function scopedTimelinessRows(
  parent: number,
  d: EvalDates,
  tasksDue: (from: string, to: string) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const from = quarterOf(d.today);
  const to = quarterOf(d.soon);
  // The first day of today's quarter and an upper bound of the days of soon's (YYYY-MM-31 as text).
  const month = (quarter: string, offset: number) =>
    `${quarter.slice(0, 4)}-${String(Number(quarter.slice(6)) * 3 + offset).padStart(2, '0')}`;
  const firstDay = `${month(from, -2)}-01`;
  const lastDay = `${month(to, 0)}-31`;
  // A whole quarter before today's: every deadline in it is past; after soon's: every one is further than soon.
  const byQuarter = sql<string>`case s.kind
    when 'open' then case when s.period < ${from} then 'overdue' else 'on_track' end
    when 'done' then case when s.period < ${from} then 'done_late' else 'done_on_time' end
    else s.kind end`;
  return sql`select s.status, s.category, s.n, ${byQuarter} as tl from stat_scoped s
      where s.parent = ${parent} and s.grain = 'q' and s.n <> 0 and (s.period = '' or s.period < ${from} or s.period > ${to})
    union all select t.status, t.category, 1, ${timelinessSql(d)} from tasks t
      where t.seq in (${tasksDue(firstDay, lastDay)})`;
}

/** The condition on a row `b` (status, deadline_date, completed_at) of kind 'open' or 'done' (KIND_SQL). */
export const DATED_KIND_SQL = sql<SqlBool>`b.deadline_date is not null
  and (b.status in ('not_started', 'in_progress', 'paused') or (b.status = 'done' and b.completed_at is null))`;

/**
 * Values numbered in order of first use, at most `limit` (the keys of StatDeltas are numbers: a bulk load adds a
 * million tasks).
 */
class Dictionary<T = string> {
  readonly values: T[] = [];
  private readonly ids = new Map<T, number>();
  constructor(
    private readonly limit: number,
    private readonly tooMany: string,
  ) {}
  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      if (id >= this.limit) throw new Error(`Too many ${this.tooMany} in one batch of count changes.`);
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
/** Provinces in one batch of stat_scoped changes (both eras have 97). */
const SCOPED_PARENTS = 512;
/** The status and kind index of stat_scoped's month rows ('c', 'f'), whose status and kind are ''. */
const NONE = 7;
/** Distinct dates and months in one batch of stat_scoped changes (its keys are below 2^28). */
const SCOPED_DAYS = 2 ** 16;

/** Runs a statement with its parameters (the store's, which keeps SQLite's prepared statements for reuse). */
export type RunStatement = (text: string, parameters: unknown[]) => Promise<unknown>;

const defaultRun =
  (q: Kysely<Database>): RunStatement =>
  (text, parameters) =>
    q.executeQuery(CompiledQuery.raw(text, parameters));

/** Count changes of the summary tables, gathered in JavaScript and written by flush (in the caller's transaction). */
export class StatDeltas {
  /** By ((status × categories + category) × 8 + kind) × DAYS + deadline. */
  private readonly tasks = new Map<number, number>();
  /** By ((parent index × BUCKETS + bucket) × 8 + kind) × DAYS + deadline. */
  private readonly buckets = new Map<number, number>();
  /** By (created 0 | completed 1) × DAYS + month. */
  private readonly months = new Map<number, number>();
  /**
   * stat_scoped's, per set of provinces (their indexes in `parents`, joined): by (((grain × 8 + status) × 16 +
   * category) × 8 + kind) × SCOPED_DAYS + period. Small integers: a bulk load makes millions of these changes, and
   * a map is faster with such keys.
   */
  private readonly scoped = new Map<string, { provinces: number[]; counts: Map<number, number> }>();
  /** Province uids numbered in order of first use (the parent index of `scoped`). */
  private readonly parents = new Dictionary<number>(SCOPED_PARENTS, 'provinces');
  private readonly groupOfUnits = new WeakMap<readonly number[], Map<number, number> | null>();
  /** The string number of the quarter of a deadline, by the deadline's string number (or '' for ''). */
  private readonly quarterOfDay: number[] = [];
  private readonly strings = new Dictionary(DAYS, 'distinct dates');
  private readonly categories = new Dictionary(1024, 'categories');
  constructor(private readonly units: UnitTables) {}

  /** Adds (sign 1) or removes (sign -1) one task's counts; `rows`: its unit rows when known already. */
  add(f: StatFacts, sign: 1 | -1, rows?: TaskUnitRows) {
    const [kind, deadline] = statKind(f);
    const status = STATUSES.indexOf(f.status);
    const k = KINDS.indexOf(kind);
    if (status < 0 || k < 0) throw new Error(`Unknown task status "${f.status}".`);
    const day = this.strings.id(deadline);
    const category = this.categories.id(f.category);
    bump(this.tasks, ((status * 1024 + category) * 8 + k) * DAYS + day, sign);
    const created = this.strings.id(f.created_at.slice(0, 7));
    bump(this.months, created, sign);
    const completed = f.status === 'done' && f.completed_at !== null ? this.strings.id(f.completed_at.slice(0, 7)) : -1;
    if (completed >= 0) bump(this.months, DAYS + completed, sign);
    const { units, buckets } =
      rows ?? this.units.rowsOf({ localityCodes: f.localityCodes as string[], createdAt: f.created_at });
    // stat_scoped's rows under each province of the task (SCOPED_GRAINS), counted once for its set of provinces.
    const map = this.scopedGroupOf(units);
    if (map) {
      let quarter = this.quarterOfDay[day];
      if (quarter === undefined) {
        quarter = deadline === '' ? day : this.strings.id(quarterOf(deadline));
        this.quarterOfDay[day] = quarter;
      }
      const counts = scopedKey(0, status, category, k, quarter);
      const assigned = scopedKey(1, NONE, this.noCategory(), NONE, created);
      const finished = completed >= 0 ? scopedKey(2, NONE, this.noCategory(), NONE, completed) : -1;
      bump(map, counts, sign);
      bump(map, assigned, sign);
      if (finished >= 0) bump(map, finished, sign);
    }
    for (const [parent, bucket] of buckets) {
      const p = parent === STAT_PARENTS[0] ? 0 : parent === STAT_PARENTS[1] ? 1 : -1;
      if (p < 0) continue;
      if (bucket < 0 || bucket >= BUCKETS) throw new Error(`Unit ${bucket} out of range.`);
      bump(this.buckets, ((p * BUCKETS + bucket) * 8 + k) * DAYS + day, sign);
    }
  }

  /**
   * The counts of the set of provinces among a task's units (null: none), remembered per list of units: tasks share
   * them, and most sets are a province of each era.
   */
  private scopedGroupOf(units: readonly number[]): Map<number, number> | null {
    let group = this.groupOfUnits.get(units);
    if (group === undefined) {
      const provinces: number[] = [];
      for (const uid of units) if (isProvinceUid(uid)) provinces.push(this.parents.id(uid));
      const name = provinces.sort((a, b) => a - b).join(',');
      let counts = this.scoped.get(name)?.counts;
      if (provinces.length > 0 && !counts) {
        counts = new Map();
        this.scoped.set(name, { provinces, counts });
      }
      group = counts ?? null;
      this.groupOfUnits.set(units, group);
    }
    return group;
  }

  /** The category number of stat_scoped's month rows (category ''). */
  private noCategory(): number {
    return this.categories.id('');
  }

  /** Replaces a task's counts: the stored state's removed, the next state's added. */
  change(before: StatFacts, after: StatFacts) {
    this.add(before, -1);
    this.add(after, 1);
  }

  /** Writes the deltas (upserts adding to n) and empties them. */
  async flush(q: Kysely<Database>, engine: 'sqlite' | 'postgres', run: RunStatement = defaultRun(q)) {
    const str = (id: number) => this.strings.values[id] as string;
    /** The rows of each table to upsert (n added to the stored n), written at the end. */
    const pending: Array<{ table: string; columns: string[]; rows: unknown[][] }> = [];
    const upsert = (
      table: string,
      columns: string[],
      entries: Iterable<[number, number]>,
      row: (key: number) => unknown[],
    ) => {
      const rows: unknown[][] = [];
      for (const [key, n] of entries) if (n !== 0) rows.push([...row(key), n]);
      if (rows.length > 0) pending.push({ table, columns, rows });
    };
    const drained = function* (...maps: Array<Map<number, number>>): Generator<[number, number]> {
      for (const [i, map] of maps.entries()) {
        // stat_scoped's maps are per province: its index × 2^28 + the key.
        for (const [key, n] of map) yield [i * 2 ** 28 + key, n];
        map.clear();
      }
    };
    upsert('stat_tasks', ['status', 'category', 'kind', 'deadline_date'], drained(this.tasks), (key) => {
      const day = key % DAYS;
      const rest = (key - day) / DAYS;
      const k = rest % 8;
      const sc = (rest - k) / 8;
      return [STATUSES[Math.floor(sc / 1024)], this.categories.values[sc % 1024], KINDS[k], str(day)];
    });
    upsert('stat_buckets', ['parent', 'bucket', 'kind', 'deadline_date'], drained(this.buckets), (key) => {
      const day = key % DAYS;
      const rest = (key - day) / DAYS;
      const k = rest % 8;
      const pb = (rest - k) / 8;
      return [STAT_PARENTS[Math.floor(pb / BUCKETS)], pb % BUCKETS, KINDS[k], str(day)];
    });
    upsert('stat_months', ['kind', 'month'], drained(this.months), (key) => [
      key >= DAYS ? 'completed' : 'created',
      str(key % DAYS),
    ]);
    const named = (list: readonly string[], i: number) => (i === NONE ? '' : (list[i] as string));
    // Per province: each set's counts added to those of each of its provinces.
    const perProvince = this.parents.values.map(() => new Map<number, number>());
    for (const { provinces, counts } of this.scoped.values()) {
      for (const [key, n] of counts) {
        if (n === 0) continue;
        for (const p of provinces) bump(perProvince[p] as Map<number, number>, key, n);
      }
      counts.clear();
    }
    const scopedColumns = ['parent', 'grain', 'period', 'status', 'category', 'kind'];
    upsert('stat_scoped', scopedColumns, drained(...perProvince), (key) => {
      const day = key % SCOPED_DAYS;
      let rest = (key - day) / SCOPED_DAYS;
      const k = rest % 8;
      rest = (rest - k) / 8;
      const c = rest % 16;
      rest = (rest - c) / 16;
      const st = rest % 8;
      rest = (rest - st) / 8;
      const grain = rest % 4;
      const p = (rest - grain) / 4;
      return [
        this.parents.values[p],
        SCOPED_GRAINS[grain],
        str(day),
        named(STATUSES, st),
        this.categories.values[c],
        named(KINDS, k),
      ];
    });
    // Statement text and flat parameters made directly: a fresh bulk load writes ~330,000 rows at its end, and
    // Kysely's sql templates (a node per value, then compiled) took 1.7 s of CPU for 230,000 of them.
    const limit = engine === 'sqlite' ? 7_000 : 65_000;
    let p = 0;
    const insert = ({ table, columns }: (typeof pending)[number], rows: unknown[][]) => {
      const all = [...columns, 'n'];
      const tuple = () => `(${all.map(() => (engine === 'postgres' ? `$${++p}` : '?')).join(', ')})`;
      const conflict = `on conflict (${columns.map((c) => `"${c}"`).join(', ')}) do update set n = "${table}".n + excluded.n`;
      return `insert into "${table}" (${all.map((c) => `"${c}"`).join(', ')}) values ${rows.map(tuple).join(', ')} ${conflict}`;
    };
    const params = pending.reduce((sum, { columns, rows }) => sum + (columns.length + 1) * rows.length, 0);
    if (engine === 'postgres' && pending.length > 1 && params <= limit) {
      // A write's few rows in one statement (data-modifying CTEs), not one round trip to the server per table.
      const parts = pending.map((t) => insert(t, t.rows));
      const last = parts.pop() as string;
      const text = `with ${parts.map((part, i) => `s${i} as (${part})`).join(', ')} ${last}`;
      await run(
        text,
        pending.flatMap((t) => t.rows.flat()),
      );
      return;
    }
    for (const t of pending) {
      // Statements of a fixed number of rows (the last one fewer): `run` may prepare each text once.
      const perStatement = Math.floor(limit / (t.columns.length + 1));
      for (let i = 0; i < t.rows.length; i += perStatement) {
        const chunk = t.rows.slice(i, i + perStatement);
        p = 0;
        await run(insert(t, chunk), chunk.flat());
      }
    }
  }
}

/** A key of StatDeltas' `scoped` maps. */
function scopedKey(grain: number, status: number, category: number, kind: number, period: number): number {
  if (category >= 16) throw new Error('Too many categories in one batch of count changes.');
  if (period >= SCOPED_DAYS) throw new Error('Too many distinct dates in one batch of count changes.');
  return (((grain * 8 + status) * 16 + category) * 8 + kind) * SCOPED_DAYS + period;
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
  stat_scoped: sql`select u.unit as parent, g.grain as grain, g.period as period, g.status as status,
      g.category as category, g.kind as kind, count(*) as n
    from task_units u join (
      select t.seq, 'q' as grain, ${quarterSql(DEADLINE_KEY_SQL)} as period, t.status, t.category, ${KIND_SQL} as kind
        from tasks t
      union all select t.seq, 'c', substr(t.created_at, 1, 7), '', '', '' from tasks t
      union all select t.seq, 'f', substr(t.completed_at, 1, 7), '', '', '' from tasks t
        where t.status = 'done' and t.completed_at is not null
    ) g on g.seq = u.task_seq
    where u.unit % 10000000 < 1000000 group by 1, 2, 3, 4, 5, 6`,
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
