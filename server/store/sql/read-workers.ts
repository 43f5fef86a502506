/**
 * Reads of a SQLite file in worker threads. better-sqlite3 is synchronous: an aggregate over a million tasks run
 * on the main connection holds the event loop for its whole duration, and every other request of the process waits
 * behind it. The long reads (the aggregates of /stats, /stats/compare and /facets, and the totals of the lists)
 * go instead through a Kysely instance whose driver posts each compiled statement to one of a few threads, each
 * with its own read-only connection (read-worker.mjs; WAL lets them read while the main connection writes). The
 * queries are the same SQL, so the answers are the same; independent statements of one answer run in parallel.
 */
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

class ReadThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  private next = 0;
  private failure: Error | null = null;

  constructor(path: string, cacheKib: number) {
    this.worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      workerData: { path, cacheKib },
      // Plain JavaScript: no TypeScript loader in the thread.
      execArgv: [],
    });
    this.worker.on('message', (m: { id: number; rows?: unknown[]; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.rows ?? []);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('The SQLite read thread has stopped.')));
    // An idle thread does not keep the process alive (one with statements to answer does).
    this.worker.unref();
  }

  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, sql, parameters });
    });
  }

  async close() {
    if (this.failure) return;
    const exited = new Promise<void>((done) => this.worker.once('exit', () => done()));
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await exited;
  }
}

/**
 * A pool of read threads on one SQLite file, started at the first read; a statement goes to the thread with the
 * fewest waiting.
 */
export class ReadThreads {
  private threads: ReadThread[] = [];
  constructor(
    private readonly path: string,
    private readonly count: number,
    private readonly cacheKib: number,
  ) {}
  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.threads.length === 0) {
      this.threads = Array.from({ length: this.count }, () => new ReadThread(this.path, this.cacheKib));
    }
    let best = this.threads[0] as ReadThread;
    for (const t of this.threads) if (t.pending.size < best.pending.size) best = t;
    return best.run(sql, parameters);
  }
  /** Closes every thread's connection (before the main one, so that one can remove the WAL on close). */
  async close() {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.close()));
  }
}

class ReadConnection implements DatabaseConnection {
  constructor(private readonly threads: ReadThreads) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.threads.run(compiled.sql, compiled.parameters)) as R[] };
  }
  // biome-ignore lint/correctness/useYield: streaming is not offered by this connection
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The SQLite read threads do not stream.');
  }
}

class ReadDriver implements Driver {
  private readonly connection: ReadConnection;
  constructor(private readonly threads: ReadThreads) {
    this.connection = new ReadConnection(threads);
  }
  async init() {}
  // No mutex: every statement is independent, and the threads run them concurrently.
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('The SQLite read threads run no transactions.');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection() {}
  async destroy() {
    await this.threads.close();
  }
}

/** A Kysely instance for reads of the SQLite file at `path`, run in `count` threads, and how to close them. */
export function sqliteReadThreads<DB>(
  path: string,
  count: number,
  cacheKib: number,
): { db: Kysely<DB>; close: () => Promise<void> } {
  const threads = new ReadThreads(path, count, cacheKib);
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadDriver(threads),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return { db: new Kysely<DB>({ dialect }), close: () => threads.close() };
}
