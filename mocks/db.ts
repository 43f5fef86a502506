/** The in-memory database now lives with the server's memory store; re-exported for the demo and tests. */
export * from '../server/store/memory-db';
