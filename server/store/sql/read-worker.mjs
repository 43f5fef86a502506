/**
 * One reader of the SQLite file in its own thread (read-workers.ts): a read-only connection that runs the
 * statements the main thread compiled, so a long aggregate never blocks the event loop that answers the other
 * requests. WAL lets it read while the main connection writes; each statement reads one snapshot, as on the main
 * connection. Plain JavaScript, so the thread needs no TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma(`cache_size = ${-Math.round(workerData.cacheKib)}`);
db.pragma('temp_store = MEMORY');

/** Prepared statements by text, the most recent few hundred. */
const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (!statement.reader) throw new Error('A read worker runs reads only.');
    if (statements.size >= 200) statements.delete(statements.keys().next().value);
  }
  statements.set(sql, statement);
  return statement;
}

parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters } = message;
  try {
    parentPort.postMessage({ id, rows: prepare(sql).all(parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
