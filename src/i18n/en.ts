import { accountsEn } from './en/accounts';
import { articleImportEn } from './en/article-import';
import { articlesEn } from './en/articles';
import { compareEn } from './en/compare';
import { dashboardEn } from './en/dashboard';
import { deadlinesEn } from './en/deadlines';
import { exportEn } from './en/export';
import { filtersEn } from './en/filters';
import { liveEn } from './en/live';
import { presentEn } from './en/present';
import { settingsEn } from './en/settings';
import { taskEn } from './en/task';
import { tasksEn } from './en/tasks';
import type { Messages } from './vi';

/** English messages, the second language. Typed by the Vietnamese ones so no key is missing. */
export const en: Messages = {
  app: {
    title: 'Directive Tracker',
    shortTitle: 'Directive Tracker',
    skipToContent: 'Skip to main content',
    nav: { label: 'Main navigation', overview: 'Overview' },
    language: 'Language',
    languageName: { vi: 'Tiếng Việt', en: 'English' },
    dataAt: 'Data as of {{time}}',
    evaluatedAt: 'As of {{date}}',
    footer:
      'Administrative units: thanglequoc/vietnamese-provinces-database and dvhcvn (MIT licence). Articles marked “Sample” are illustrative data written by the project team.',
    notFound: 'This page does not exist.',
    backHome: 'Back to the overview',
  },
  demo: {
    label: 'Demo data',
    dataset: {
      sample: 'Sample articles',
      'synthetic-10k': 'Sample + 10,000 tasks',
      'synthetic-100k': 'Sample + 100,000 tasks',
    },
    switching: 'Generating data…',
    mockBadge: 'Mock API in the browser',
  },
  timeliness: {
    done_on_time: 'Done on time',
    done_late: 'Done late',
    on_track: 'Open, within deadline',
    due_soon: 'Due soon',
    overdue: 'Open, overdue',
    no_deadline: 'No deadline',
    cancelled: 'Cancelled',
  },
  status: {
    not_started: 'Not started',
    in_progress: 'In progress',
    paused: 'Paused',
    done: 'Done',
    cancelled: 'Cancelled',
  },
  category: {
    party_building: 'Party building',
    economy: 'Economy',
    infrastructure: 'Infrastructure, transport',
    agriculture: 'Agriculture',
    culture_tourism: 'Culture, tourism',
    social_affairs: 'Social affairs',
    citizen_affairs: 'Citizens, complaints',
    environment: 'Environment',
    administration: 'Administrative reform',
    security: 'Defence, security',
  },
  era: {
    label: 'Administrative units',
    pre2025: 'Before 1 Jul 2025 (3 levels)',
    post2025: 'Current (2 levels)',
  },
  overview: {
    heading: 'Progress overview',
    intro: 'Tasks assigned in articles and meeting conclusions, by status as of {{date}}.',
    kpi: {
      label: 'Key figures',
      total: 'Total tasks',
      doneOnTime: 'Done on time',
      doneLate: 'Done late',
      onTrack: 'Open, within deadline',
      overdue: 'Open, overdue',
      dueSoon: 'Due soon (7 days)',
      share: '{{percent}} of all',
    },
    donut: { title: 'Timeliness', centre: 'tasks' },
    locality: {
      titleProvinces: 'By province',
      titleChildren: 'By unit of {{name}}',
      unit: 'Unit',
      spanning: 'Several units / above',
      others: 'Other units',
    },
    category: { title: 'By field', field: 'Field' },
    monthly: {
      title: 'Assigned and completed per month',
      titleQuarter: 'Assigned and completed per quarter',
      quarterLabel: 'Q{{quarter}} {{year}}',
      month: 'Month',
      assigned: 'Assigned',
      completed: 'Completed',
    },
    overdueList: {
      title: 'Most overdue tasks',
      empty: 'No task is overdue.',
      task: 'Task',
      assignee: 'Assignee',
      deadline: 'Deadline',
      daysLate: 'Overdue by',
      days_one: '{{count}} day',
      days_other: '{{count}} days',
      progress: 'Progress',
    },
  },
  chart: {
    loading: 'Loading figures…',
    empty: 'No tasks to count.',
    error: 'Could not load the figures.',
    retry: 'Retry',
    tableCaption: 'Data table: {{title}}',
    total: 'Total',
    count: 'Tasks',
    showTable: 'Show data table',
    hideTable: 'Hide data table',
  },
  errors: {
    network: 'Cannot reach the server. Check the connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    invalid_response: 'The server sent invalid data.',
    http_400: 'Invalid request: {{detail}}',
    http_404: 'The requested data was not found.',
    http_5xx: 'The server has a problem (status {{status}}). Please try again later.',
    http_other: 'The server refused the request (status {{status}}).',
    unknown: 'Something unexpected went wrong.',
    stale: 'Could not refresh. Showing the figures of {{time}}.',
    boundary: 'This part failed to display. The rest still works.',
    reload: 'Reload the page',
  },
  common: { illustrative: 'Sample', percent: '{{value}}%' },
  present: presentEn,
  live: liveEn,
  filters: filtersEn,
  tasks: tasksEn,
  dashboard: dashboardEn,
  compare: compareEn,
  export: exportEn,
  task: taskEn,
  articles: articlesEn,
  articleImport: articleImportEn,
  deadlines: deadlinesEn,
  settings: settingsEn,
  accounts: accountsEn,
};
