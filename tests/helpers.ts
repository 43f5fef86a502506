import { dbStore } from '../mocks/node';
import type { StoredTask } from '../src/api/schemas';
import { indexTask } from '../src/domain/task-query';

/** Adds a task to the mock database of the tests (reset after each test by tests/setup.ts). */
export function addTask(overrides: Partial<StoredTask> & Pick<StoredTask, 'id'>): StoredTask {
  const db = dbStore.get();
  const task: StoredTask = {
    title: `Nhiệm vụ thử ${overrides.id}`,
    description: '',
    articleId: null,
    quote: null,
    issuer: 'UBND tỉnh',
    assignee: 'UBND xã',
    localityCodes: [],
    category: 'economy',
    flagship: false,
    deadline: null,
    status: 'in_progress',
    progress: 10,
    completedAt: null,
    createdAt: '2025-09-01T08:00:00+07:00',
    updatedAt: '2025-09-01T08:00:00+07:00',
    version: 1,
    ...overrides,
  };
  db.tasks.set(task.id, task);
  db.rows.push(indexTask(task));
  return task;
}

/** Absolute URL of the mock API (fetch in Node needs absolute URLs). */
export function apiUrl(path: string): string {
  return `${location.origin}/api/v1${path}`;
}
