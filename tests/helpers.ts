import { afterAll, afterEach, beforeAll } from 'vitest';
import { dbStore, server } from '../mocks/node';
import type { StoredTask } from '../src/api/schemas';
import { indexTask } from '../src/domain/task-query';
import { makeTask } from './task-factory';

/**
 * Serves the mock API (MSW) to the tests of the calling file, and gives each test the sample database without a
 * fault scenario. tests/setup.ts calls it for every integration test; a unit test that needs the API calls it at
 * its top level.
 */
export function serveMockApi(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    dbStore.setScenario('none');
    dbStore.reset('sample');
  });
  afterAll(() => server.close());
}

/** Adds a task to the mock database of the tests (reset after each test by serveMockApi). */
export function addTask(overrides: Partial<StoredTask> & Pick<StoredTask, 'id'>): StoredTask {
  const db = dbStore.get();
  const task = makeTask(overrides);
  db.tasks.set(task.id, task);
  db.rows.push(indexTask(task));
  return task;
}

/** Absolute URL of the mock API (fetch in Node needs absolute URLs). */
export function apiUrl(path: string): string {
  return `${location.origin}/api/v1${path}`;
}

/**
 * For a test handler that lets a write reach the mock API and then loses its answer (applied, but no answer comes
 * back): `send` passes the request on to the mock's own handlers, and `passing` tells the test's handler to stand
 * aside meanwhile (the request passed on reaches it first).
 */
export function passOn() {
  let passing = false;
  return {
    get passing() {
      return passing;
    },
    async send(request: Request): Promise<Response> {
      passing = true;
      try {
        return await fetch(request.url, {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          body: await request.text(),
        });
      } finally {
        passing = false;
      }
    },
  };
}
