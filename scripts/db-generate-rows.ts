/**
 * db:generate's rows, made on a thread of their own: the synthetic tasks (iterateTasks) turned into the rows the
 * store writes (pushTaskRow: the folded search text, the sort keys). That is about two thirds of the CPU of
 * generating a million tasks; on this thread it runs while the main thread writes the previous batches.
 *
 * Flow: the thread posts a batch ({ rows, count }) while it has credit, starting with `ahead` batches; the main
 * thread returns one credit (any message) for each batch it has taken. The last batch is shorter than batchSize
 * (possibly empty).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type GenerateOptions, iterateTasks } from '../mocks/data/generate';
import { loadLocalities } from '../server/localities';
import { pushTaskRow } from '../server/store/sql/rows';

export interface RowsWorkerData {
  entry: string;
  options: GenerateOptions;
  batchSize: number;
  ahead: number;
}

export interface RowsBatch {
  rows: unknown[];
  count: number;
}

const port = parentPort;
if (!port) throw new Error('db-generate-rows runs on a worker thread.');
const { options, batchSize, ahead } = workerData as RowsWorkerData;
const localities = loadLocalities();
let credit = ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit += 1;
  wake?.();
  wake = null;
});

const tasks = iterateTasks(options);
for (let last = false; !last; ) {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  const rows: unknown[] = [];
  let count = 0;
  for (; count < batchSize; count += 1) {
    const next = tasks.next();
    if (next.done) {
      last = true;
      break;
    }
    // Generated tasks belong to no article: no article title in their search text.
    pushTaskRow(rows, next.value, '', localities);
  }
  credit -= 1;
  port.postMessage({ rows, count } satisfies RowsBatch);
}
// The thread ends once its port is closed (it is no longer referenced).
port.unref();
