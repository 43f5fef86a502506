/**
 * Starts a TypeScript module on a worker thread of a script run by tsx: a worker does not inherit tsx's loader,
 * so this plain module registers it and then imports the module named by workerData.entry (a file URL).
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
