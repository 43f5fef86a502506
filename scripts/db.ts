/**
 * Database commands on the configured database (DATABASE_URL, as the server reads it; by default the embedded
 * SQLite file):
 *   npm run db:generate -- --tasks N   adds N deterministic synthetic tasks, in batches, with a progress bar
 *   npm run db:export -- FILE          writes every article, task and history entry to FILE (JSON)
 *   npm run db:import -- FILE          adds what FILE holds (an export, or the bulk-import JSON format)
 * The database is created and migrated when missing. Exit status 0 on success, 1 on a failure, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { GenerateOptions } from '../mocks/data/generate';
import { exportToFile, importFromFile } from '../server/cli/transfer';
import { ConfigError, parseConfig } from '../server/config';
import { loadLocalities } from '../server/localities';
import { openConfiguredStore } from '../server/node';
import { codePools } from '../server/store/memory-db';
import { todayInVietnam } from '../src/domain/dates';
import type { RowsBatch, RowsWorkerData } from './db-generate-rows';

/** A progress line on stderr: redrawn in place on a terminal, every 10 % otherwise (logs stay short). */
export function progressBar(label: string, total: number) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    const elapsed = (performance.now() - started) / 1000;
    const left = ratio > 0 ? (elapsed / ratio) * (1 - ratio) : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
    const line = `${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)} % ${done.toLocaleString('en')}/${total.toLocaleString('en')} · ${elapsed.toFixed(1)} s${done < total ? ` · ~${left.toFixed(0)} s left` : ''}`;
    if (tty) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${line}\n`);
      }
    }
  };
}

/**
 * The rows of the generated tasks, in batches, made on a worker thread a few batches ahead of the writes (the
 * thread waits when it is that far ahead). Ends the thread when the caller stops early.
 */
async function* generatedRows(options: GenerateOptions, batchSize: number): AsyncGenerator<RowsBatch> {
  const workerData: RowsWorkerData = {
    entry: new URL('./db-generate-rows.ts', import.meta.url).href,
    options,
    batchSize,
    ahead: 3,
  };
  const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
    workerData,
    // The thread makes short-lived strings by the million: a larger young generation halved its GC time.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const ready: RowsBatch[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (batch: RowsBatch) => {
    ready.push(batch);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`The row-making thread stopped (exit code ${code}).`);
    notify();
  });
  try {
    for (let received = 0; received < options.count || received === 0; ) {
      while (ready.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const batch = ready.shift() as RowsBatch;
      received += batch.count;
      worker.postMessage('more');
      yield batch;
      if (batch.count < batchSize) break;
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run db:generate -- --tasks N | npm run db:export -- FILE | npm run db:import -- FILE`,
  );
  process.exit(2);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { tasks: { type: 'string' }, 'batch-size': { type: 'string' } },
    allowPositionals: true,
  });
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig({ ...process.env, SAMPLE_DATA: command === 'generate' ? process.env.SAMPLE_DATA : '0' });
  } catch (error) {
    if (error instanceof ConfigError) usage(error.message);
    throw error;
  }
  const log = (m: string) => console.error(m);
  const batchSize = Number(values['batch-size'] ?? 5000);
  if (!Number.isInteger(batchSize) || batchSize < 1) usage('--batch-size must be a positive whole number.');

  if (command === 'generate') {
    const count = Number(values.tasks);
    if (!values.tasks || !Number.isInteger(count) || count < 1 || count > 10_000_000) {
      usage('--tasks must be a whole number from 1 to 10,000,000.');
    }
    const store = await openConfiguredStore(config, log);
    try {
      const offset = (await store.counts()).tasks;
      const pools = codePools(loadLocalities());
      const today = config.TODAY ?? todayInVietnam();
      const show = progressBar('Generating', count);
      // Ctrl+C (or SIGTERM) stops after the batch being written and still ends the load properly (unit rows,
      // summary counts, indexes), so the tasks written so far are complete; a second one quits at once, which
      // leaves a load into a new database unfinished (docs/storage.md: generate it again).
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        log('\nStopping after this batch and finishing the load (press Ctrl+C again to quit at once).');
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      // One bulk load of many chunks: the indexes are built once at the end, not maintained row by row. The rows
      // are made on a worker thread (db-generate-rows.ts) while this one writes.
      async function* chunks() {
        const rows = generatedRows({ count, offset, today, ...pools }, batchSize);
        let done = 0;
        show(0);
        try {
          for await (const batch of rows) {
            // A turn of the event loop per batch: the writes are synchronous and the thread's batches are often
            // waiting already, so without it a Ctrl+C would only be seen once the load had ended.
            await new Promise((resolve) => setImmediate(resolve));
            if (stopping) break;
            yield { articles: [], tasks: [], updates: [], taskRows: batch.rows };
            done += batch.count;
            show(done);
          }
        } finally {
          await rows.return(undefined);
        }
      }
      await store.importData(chunks(), { batchSize });
      const now = (await store.counts()).tasks;
      log(
        `Added ${(now - offset).toLocaleString('en')} tasks to ${store.kind}${stopping ? ` (stopped early, of ${count.toLocaleString('en')})` : ''}; it now holds ${now.toLocaleString('en')}.`,
      );
    } finally {
      await store.close();
    }
    return;
  }

  if (command === 'export' || command === 'import') {
    const file = positionals[0];
    if (!file) usage(`db:${command} needs a FILE.`);
    const store = await openConfiguredStore(config, log);
    try {
      if (command === 'export') {
        const counts = await exportToFile(store, file, progressBar('Exporting', (await store.counts()).tasks));
        log(
          `Wrote ${counts.articles} articles, ${counts.tasks} tasks and ${counts.updates} history entries to ${file}.`,
        );
      } else {
        const counts = await importFromFile(store, file, {
          batchSize,
          progress: (total) => progressBar('Importing', total),
        });
        log(
          `Imported ${counts.articles} articles, ${counts.tasks} tasks and ${counts.updates} history entries from ${file}${counts.skipped ? `; skipped ${counts.skipped} already present` : ''}.`,
        );
      }
    } finally {
      await store.close();
    }
    return;
  }
  usage(command ? `Unknown command "${command}".` : 'Which command?');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
