import { type CreateDbOptions, createDb, type DatasetName, type MockDb } from './db';

/** Holds the current database so handlers always read the live one; switching dataset rebuilds it. */
export interface DbStore {
  get(): MockDb;
  reset(dataset?: DatasetName): MockDb;
}

export function createDbStore(options: CreateDbOptions): DbStore {
  let current: MockDb | null = null;
  let opts = options;
  return {
    get() {
      current ??= createDb(opts);
      return current;
    },
    reset(dataset) {
      if (dataset) opts = { ...opts, dataset };
      current = createDb(opts);
      return current;
    },
  };
}
