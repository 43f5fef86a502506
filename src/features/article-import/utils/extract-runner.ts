/**
 * Runs the extractor without freezing the page: in a Web Worker where the browser has them (the worker keeps its
 * locality index between runs), else — tests, very old engines, or a worker that fails to start — on the main thread
 * after the code is loaded on demand. A newer request does not wait for an older one: the busy worker is dropped.
 */
import type { ExtractedDirective } from './drafts';

export interface ExtractionRequest {
  text: string;
  articleDate?: string;
}

export class ExtractionAbortedError extends Error {
  override readonly name = 'ExtractionAbortedError';
}

type Reply = { id: number; ok: true; directives: ExtractedDirective[] } | { id: number; ok: false; message: string };

interface Pending {
  resolve: (value: ExtractedDirective[]) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, Pending>();

class WorkerStartError extends Error {}

function dropWorker(reason: Error) {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(reason);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/extract.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.directives);
    else p.reject(new Error(reply.message));
  };
  w.onerror = (event) => {
    event.preventDefault();
    workerFailed = true;
    dropWorker(new WorkerStartError(event.message || 'The extraction worker failed'));
  };
  worker = w;
  return w;
}

async function inThread(request: ExtractionRequest, signal?: AbortSignal): Promise<ExtractedDirective[]> {
  const job = await import('./extraction-job');
  // Let the page paint its "working" state before the synchronous run.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) throw new ExtractionAbortedError('aborted');
  return job.runExtraction(request.text, request.articleDate);
}

function viaWorker(request: ExtractionRequest, signal?: AbortSignal): Promise<ExtractedDirective[]> {
  // One job at a time: a job still running is for text nobody waits for any more.
  if (pending.size > 0) dropWorker(new ExtractionAbortedError('superseded'));
  const w = getWorker();
  const id = ++nextId;
  return new Promise<ExtractedDirective[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    signal?.addEventListener(
      'abort',
      () => {
        if (pending.has(id)) dropWorker(new ExtractionAbortedError('aborted'));
      },
      { once: true },
    );
    w.postMessage({ id, text: request.text, articleDate: request.articleDate });
  });
}

/** The draft directives of a text. Rejects with ExtractionAbortedError when aborted or superseded. */
export async function extractDrafts(request: ExtractionRequest, signal?: AbortSignal): Promise<ExtractedDirective[]> {
  if (signal?.aborted) throw new ExtractionAbortedError('aborted');
  if (typeof Worker === 'undefined' || workerFailed) return inThread(request, signal);
  try {
    return await viaWorker(request, signal);
  } catch (error) {
    if (error instanceof WorkerStartError) return inThread(request, signal);
    throw error;
  }
}

/** A set of extraction workers for many texts (bulk import): jobs run side by side, one per worker, in order. */
export interface ExtractionPool {
  readonly size: number;
  extract(request: ExtractionRequest): Promise<ExtractedDirective[]>;
  close(): void;
}

/** Workers to run side by side: the cores the browser reports, less one for the page, from 1 to 4. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 2) : 2;
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * A pool of `size` dedicated workers (apart from the one of /articles/new); without Worker support, jobs run on
 * the main thread one after another.
 */
export function createExtractionPool(size = poolSize()): ExtractionPool {
  if (typeof Worker === 'undefined' || workerFailed) {
    return { size: 1, extract: (request) => inThread(request), close: () => {} };
  }
  type Job = { request: ExtractionRequest; resolve: Pending['resolve']; reject: Pending['reject'] };
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let closed = false;
  let broken = false;

  const run = () => {
    while (queue.length > 0 && idle.length > 0) {
      const w = idle.pop() as Worker;
      const job = queue.shift() as Job;
      busy.set(w, job);
      w.postMessage({ id: 0, text: job.request.text, articleDate: job.request.articleDate });
    }
    // Workers that would not start: the rest runs here, one at a time.
    if (broken && idle.length === 0 && busy.size === 0) {
      for (const job of queue.splice(0)) inThread(job.request).then(job.resolve, job.reject);
    }
  };
  const workers: Worker[] = [];
  for (let i = 0; i < size; i += 1) {
    const w = new Worker(new URL('../workers/extract.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<Reply>) => {
      const job = busy.get(w);
      busy.delete(w);
      idle.push(w);
      if (job) {
        const reply = event.data;
        if (reply.ok) job.resolve(reply.directives);
        else job.reject(new Error(reply.message));
      }
      run();
    };
    w.onerror = (event) => {
      event.preventDefault();
      const job = busy.get(w);
      busy.delete(w);
      w.terminate();
      broken = true;
      if (job) queue.unshift(job);
      run();
    };
    workers.push(w);
    idle.push(w);
  }
  return {
    size,
    extract(request) {
      if (closed) return Promise.reject(new ExtractionAbortedError('closed'));
      return new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject });
        run();
      });
    },
    close() {
      closed = true;
      for (const w of workers) w.terminate();
      for (const job of [...queue.splice(0), ...busy.values()]) job.reject(new ExtractionAbortedError('closed'));
      busy.clear();
    },
  };
}
