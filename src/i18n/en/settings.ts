import type { Messages } from '../vi';

/** English messages of the settings page and the stored-data notice. */
export const settingsEn: Messages['settings'] = {
  nav: 'Settings',
  heading: 'Settings',
  realApi: 'The app is connected to a real server. Sample-data functions only apply to the mock API.',
  loading: 'Loading…',
  mock: {
    title: 'Data of the mock API',
    intro:
      'The app runs on a mock API inside the browser. The updates you record are kept in this browser and survive a reload.',
    storage: 'Kept in',
    kind: {
      indexeddb: 'This browser’s IndexedDB',
      memory: 'Memory only (lost on reload)',
      none: 'Cannot be saved (lost on reload)',
    },
    editedLabel: 'Updated',
    edited_one: '{{count}} task',
    edited_other: '{{count}} tasks',
    editedNone: 'No change from the sample data',
    savedAt: 'Last saved',
    never: 'Not saved yet',
    dataset: 'Dataset',
    today: 'Deadlines evaluated on',
  },
  setAside: {
    title: 'Records set aside',
    intro:
      'Records saved in this browser that could not be read when the app started are kept here, not deleted. Everything else is used as usual.',
    kind: { task: 'Update of task {{ref}}', article: 'Imported article {{ref}}', store: 'A whole older store' },
    reason: {
      old_version: 'from an older version',
      corrupted: 'unreadable',
      invalid: 'not in the expected format',
      inconsistent: 'figures that do not add up',
    },
    at: 'set aside at {{time}}',
    download: 'Download (JSON)',
    restore: 'Restore',
    restored: 'Restored.',
    unrestorable:
      'This record cannot be restored (the current data is newer, or the record is damaged); you can still download it.',
  },
  scenario: {
    title: 'Simulate faults (demo)',
    intro:
      'Make the mock API behave like a slow, failing or misbehaving server, to see how the app reports errors and keeps its figures. Choose “Normal” to go back.',
    label: 'Scenario',
    switching: 'Switching…',
    active: 'Simulating a fault: {{name}}.',
    turnOff: 'Turn off',
    names: {
      none: 'Normal',
      slow: 'Slow server (5 seconds)',
      'server-error': 'Server error (500)',
      timeout: 'Server does not answer',
      'malformed-json': 'Broken data (bad JSON)',
      'schema-break': 'Data breaking the contract',
      empty: 'No data',
      'long-titles': 'Very long titles (10,000 characters)',
      markup: 'HTML/<script> inside the data',
      'unknown-locality': 'Locality code that does not exist',
    },
  },
  reset: {
    title: 'Reset sample data',
    description:
      'Deletes every update recorded in this browser and goes back to the original sample data. This cannot be undone.',
    button: 'Reset sample data',
    confirm: 'Delete the recorded updates and restore the sample data?',
    confirmButton: 'Delete and reset',
    cancel: 'Cancel',
    working: 'Resetting…',
    done: 'The sample data has been restored.',
  },
  notice: {
    old_version:
      'The data saved in this browser is from an older version of the app and cannot be used. The sample data has been restored; the old copy is kept aside.',
    corrupted:
      'The data saved in this browser is damaged and cannot be read. The sample data has been restored; the damaged copy is kept aside.',
    unavailable: 'This browser does not allow saving data: updates last until the page is reloaded.',
    save_failed:
      'The browser refused to store a change (storage full or cleared): that change was not saved, and what you typed is still in the form. Updates saved before are not lost.',
    set_aside:
      'Some records saved in this browser could not be read and were set aside; everything else is used as usual. You can download or restore them in Settings.',
    dismiss: 'OK',
    settings: 'Open settings',
  },
};
