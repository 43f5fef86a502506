/**
 * Every schema a response is checked with, as one module: the client loads it (and zod) with the first request
 * instead of on the first screen's path (src/api/client.ts, `SchemaSource`).
 */
export * from './compare-schemas';
export * from './facets-schemas';
export * from './mock-settings-schemas';
export * from './schemas';
export * from './session-schemas';
export * from './task-update-schemas';
