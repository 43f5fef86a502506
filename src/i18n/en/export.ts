import type { Messages } from '../vi';

/** Exports (CSV, XLSX, chart PNG): English. */
export const exportEn: Messages['export'] = {
  png: {
    button: 'Save as PNG',
    busy: 'Drawing…',
    label: 'Save the chart “{{title}}” as a PNG image',
    failed: 'The chart could not be saved as an image.',
  },
  csv: 'Download CSV',
  xlsx: 'Download Excel (XLSX)',
  label: 'Export',
  preparing: 'Preparing the file: {{done}} / {{total}} rows…',
  resolving: 'Writing locality names…',
  writing: 'Writing the file…',
  cancel: 'Cancel',
  cancelled: 'Export cancelled.',
  done: 'Created {{file}} ({{count}} rows).',
  capped: 'Only the first {{cap}} of {{total}} rows were exported.',
  failed: 'The export failed. {{reason}}',
  exportedAt: 'Exported at',
  rowCount: 'Rows',
  filters: 'Filters',
  sort: 'Sort',
  noFilter: 'None (every task)',
  era: 'Administrative units',
  source: 'Source',
  filtersSheet: 'Filters',
  yes: 'Yes',
  no: 'No',
};
