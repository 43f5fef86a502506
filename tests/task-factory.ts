import type { StoredTask } from '../src/api/schemas';

/** A stored task with plausible defaults, for tests that add their own (the mock's database or any store). */
export function makeTask(overrides: Partial<StoredTask> & Pick<StoredTask, 'id'>): StoredTask {
  return {
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
}
