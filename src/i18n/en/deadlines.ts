import type { Messages } from '../vi';

/** English messages of the due-soon and overdue panel. */
export const deadlinesEn: Messages['deadlines'] = {
  nav: 'Deadlines',
  heading: 'Tasks due soon and overdue',
  intro: 'Open tasks by assignee, as of {{date}}.',
  window: { label: 'Due within', days_one: '{{count}} day', days_other: '{{count}} days' },
  overdue: {
    title: 'Overdue now',
    empty: 'No task is overdue.',
  },
  upcoming: {
    title: 'Becoming overdue in the next {{days}} days',
    empty: 'No task is due in the next {{days}} days.',
  },
  summary_one: '{{count}} task, {{groups}} assignees',
  summary_other: '{{count}} tasks, {{groups}} assignees',
  groupCount_one: '{{count}} task',
  groupCount_other: '{{count}} tasks',
  truncated: 'Showing {{shown}} of {{total}} tasks (nearest deadline first).',
  loading: 'Loading…',
  columns: {
    task: 'Task',
    deadline: 'Deadline',
    when: 'Time left',
    late: 'Overdue by',
    progress: 'Progress',
    status: 'Status',
  },
  dueToday: 'Due today',
  daysLeft_one: '{{count}} day left',
  daysLeft_other: '{{count}} days left',
  daysLate_one: '{{count}} day',
  daysLate_other: '{{count}} days',
  stale: 'Could not reload. Showing the figures of {{time}}.',
};
