import type { Messages } from '../vi';

/** The locality comparison at /compare: English. */
export const compareEn: Messages['compare'] = {
  nav: 'Compare',
  heading: 'Compare localities',
  introChildren: 'The units of {{name}}, side by side, for the chosen filters.',
  introProvinces: 'The provinces ({{era}}), side by side, for the chosen filters.',
  hint: 'Choose a province or a district under “Locality” to compare its units.',
  loading: 'Computing the comparison…',
  empty: 'No unit to compare.',
  columns: {
    unit: 'Unit',
    total: 'Tasks',
    completionRate: 'Completion rate',
    onTimeRate: 'On-time rate',
    overdue: 'Overdue',
    flagship: 'Key tasks',
    flagshipProgress: 'Key-task progress',
  },
  metric: {
    label: 'Rank by',
    total: 'Number of tasks',
    completionRate: 'Completion rate',
    onTimeRate: 'On-time rate',
    overdue: 'Overdue tasks',
    flagshipProgress: 'Key-task progress',
  },
  chartTitle: 'Ranked by {{metric}}',
  tableTitle: 'Comparison table',
  tableCaption: 'The units compared; click a column heading to sort',
  drill: 'Show the units of {{name}}',
  none: '—',
  flagshipValue: '{{progress}} ({{count}} tasks)',
  definitions:
    'Completion rate = done / all tasks (cancelled ones excluded). On-time rate = done on time / tasks that have come due (done on time, done late, or open past the deadline). Key-task progress = the mean progress of the key tasks.',
  fileBase: 'compare-localities',
  sheet: 'Comparison',
  fileTitle: 'Compare localities — Directive Tracker',
  spanning: 'Several units / above',
  noValue: 'no data',
};
