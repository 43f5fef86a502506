/**
 * The SQL pieces every read shares, written once for both engines: the task filters (TaskFilters, as filterTasks
 * applies them), timeliness derived from stored fields and the date of evaluation (as timelinessOf), and the
 * counting helper. Every fragment refers to the tasks table as `t`.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type TaskFilters, TIMELINESS, type Timeliness } from '../../../src/api/schemas';
import { addDays } from '../../../src/domain/dates';
import type { LocalityIndex } from '../../../src/domain/localities';
import { resolveFilterLocalities } from '../../../src/domain/task-query';
import { fold } from '../../../src/domain/text';
import { DUE_SOON_DAYS } from '../../../src/domain/timeliness';
import { unitUid } from './units';

/** The date of evaluation and the last day that is still "due soon". */
export interface EvalDates {
  today: string;
  soon: string;
}
export const evalDates = (today: string): EvalDates => ({ today, soon: addDays(today, DUE_SOON_DAYS) });

const OPEN = sql`t.status in ('not_started', 'in_progress', 'paused')`;

/** Timeliness of the row `t` at the date of evaluation: timelinessOf in SQL. */
export function timelinessSql({ today, soon }: EvalDates): RawBuilder<string> {
  return sql<string>`case
    when t.status = 'cancelled' then 'cancelled'
    when t.status = 'done' then case
      when t.deadline_date is null then 'no_deadline'
      when coalesce(t.completed_at, ${today}) <= t.deadline_date then 'done_on_time'
      else 'done_late' end
    when t.deadline_date is null then 'no_deadline'
    when t.deadline_date < ${today} then 'overdue'
    when t.deadline_date <= ${soon} then 'due_soon'
    else 'on_track' end`;
}

/** One timeliness as a predicate on stored columns (index-friendly, unlike the CASE). */
export function timelinessIs(tl: Timeliness, { today, soon }: EvalDates): RawBuilder<SqlBool> {
  switch (tl) {
    case 'cancelled':
      return sql`t.status = 'cancelled'`;
    case 'done_on_time':
      return sql`(t.status = 'done' and t.deadline_date is not null and coalesce(t.completed_at, ${today}) <= t.deadline_date)`;
    case 'done_late':
      return sql`(t.status = 'done' and t.deadline_date is not null and coalesce(t.completed_at, ${today}) > t.deadline_date)`;
    case 'no_deadline':
      return sql`(t.status <> 'cancelled' and t.deadline_date is null)`;
    case 'overdue':
      return sql`(${OPEN} and t.deadline_date < ${today})`;
    case 'due_soon':
      return sql`(${OPEN} and t.deadline_date >= ${today} and t.deadline_date <= ${soon})`;
    case 'on_track':
      return sql`(${OPEN} and t.deadline_date > ${soon})`;
  }
}

/** Open past its deadline: overdue, and what overdueDays counts. */
export const overdueSql = (d: EvalDates) => timelinessIs('overdue', d);

/** `count(*) filter (where …)` as an integer: both engines take FILTER (SQLite since 3.30); pg counts are bigint strings. */
export const countIf = (cond: RawBuilder<SqlBool>) => sql<number>`cast(count(*) filter (where ${cond}) as integer)`;
export const countAll = sql<number>`cast(count(*) as integer)`;

/** LIKE pattern for a substring, with %, _ and the escape character escaped (ESCAPE '\'). */
export const containsPattern = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

/** Every word of the folded query is a substring of the folded column (matchesQuery). */
export function matchesSql(column: RawBuilder<unknown>, query: string): RawBuilder<SqlBool> {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return sql`1 = 1`;
  return sql`(${sql.join(
    words.map((w) => sql`${column} like ${containsPattern(w)} escape '\\'`),
    sql` and `,
  )})`;
}

/**
 * The filters of filterTasks as one predicate on `t`. Throws UnknownLocalityError for a locality code of no era.
 * An empty list is no filter, as in filterTasks.
 */
export function filterSql(filters: TaskFilters, dates: EvalDates, localities: LocalityIndex): RawBuilder<SqlBool> {
  return filterSqlOrNull(filters, dates, localities) ?? sql<SqlBool>`1 = 1`;
}

/** filterSql, or null when nothing is filtered (a query may then skip the tasks table). */
export function filterSqlOrNull(
  filters: TaskFilters,
  dates: EvalDates,
  localities: LocalityIndex,
): RawBuilder<SqlBool> | null {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.status?.length) parts.push(sql`t.status in (${sql.join(filters.status)})`);
  if (filters.category?.length) parts.push(sql`t.category in (${sql.join(filters.category)})`);
  if (filters.flagship !== undefined) parts.push(sql`t.flagship = ${filters.flagship ? 1 : 0}`);
  if (filters.articleId?.length) parts.push(sql`t.article_id in (${sql.join(filters.articleId)})`);
  if (filters.issuer?.length) parts.push(sql`t.issuer_folded in (${sql.join([...new Set(filters.issuer.map(fold))])})`);
  if (filters.assignee?.length) {
    parts.push(sql`t.assignee_folded in (${sql.join([...new Set(filters.assignee.map(fold))])})`);
  }
  if (filters.deadlineFrom) parts.push(sql`t.deadline_date >= ${filters.deadlineFrom}`);
  if (filters.deadlineTo) parts.push(sql`t.deadline_date <= ${filters.deadlineTo}`);
  if (filters.q?.trim()) parts.push(matchesSql(sql.ref('t.search'), filters.q));
  if (filters.locality?.length) {
    const uids = [...new Set(resolveFilterLocalities(filters.locality, filters.era, localities).map(unitUid))];
    parts.push(sql`t.seq in (select u.task_seq from task_units u where u.unit in (${sql.join(uids)}))`);
  }
  if (filters.timeliness?.length) {
    const wanted = [...new Set(filters.timeliness)].map((tl) => timelinessIs(tl, dates));
    parts.push(sql`(${sql.join(wanted, sql` or `)})`);
  }
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` and `)}` : null;
}

/** One count per timeliness, named after it: `count(*) filter (where <timeliness>) as "overdue"`, … */
export function countsByTimeliness(d: EvalDates): RawBuilder<unknown> {
  return sql.join(TIMELINESS.map((tl) => sql`${countIf(timelinessIs(tl, d))} as ${sql.ref(tl)}`));
}
