import type { Deadline, TaskStatus, Timeliness } from '../api/schemas';
import { addDays, daysBetween } from './dates';

/** An open task whose deadline is at most this many days away is "due soon" (Sắp đến hạn). */
export const DUE_SOON_DAYS = 7;

export interface TimelinessInput {
  status: TaskStatus;
  deadline: Deadline | null;
  /** YYYY-MM-DD, set when done. */
  completedAt: string | null;
}

export const OPEN_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'paused'];

export function isOpen(status: TaskStatus): boolean {
  return status === 'not_started' || status === 'in_progress' || status === 'paused';
}

/**
 * The Vietnamese 2×2 (done on time / done late / open within deadline / open overdue) plus due soon,
 * no deadline and cancelled, derived from the stored state at the date of evaluation `today` (YYYY-MM-DD).
 * A task is overdue from the day after its deadline; a task done on its deadline day is on time.
 */
export function timelinessOf(task: TimelinessInput, today: string): Timeliness {
  if (task.status === 'cancelled') return 'cancelled';
  if (task.status === 'done') {
    // Without a deadline a finished task was neither on time nor late.
    if (!task.deadline) return 'no_deadline';
    const finished = task.completedAt ?? today;
    return finished <= task.deadline.date ? 'done_on_time' : 'done_late';
  }
  if (!task.deadline) return 'no_deadline';
  // ISO dates compare as strings; this runs for every task of every request, so no date parsing here.
  const due = task.deadline.date;
  if (due < today) return 'overdue';
  if (due <= dueSoonLimit(today)) return 'due_soon';
  return 'on_track';
}

let limitFor = '';
let limit = '';
/** The last day that counts as due soon, for a given today (memoised: today rarely changes between calls). */
function dueSoonLimit(today: string): string {
  if (today !== limitFor) {
    limit = addDays(today, DUE_SOON_DAYS);
    limitFor = today;
  }
  return limit;
}

/** Days past the deadline for an open task (0 when not overdue or no deadline). */
export function overdueDays(task: TimelinessInput, today: string): number {
  if (!isOpen(task.status) || !task.deadline) return 0;
  return Math.max(0, daysBetween(task.deadline.date, today));
}
