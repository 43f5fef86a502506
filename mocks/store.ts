import type { LocalityIndex } from '../src/domain/localities';
import { type CreateDbOptions, createDb, type DatasetName, type MockDb } from './db';
import { applyDataScenario, type Scenario } from './scenarios';

/**
 * Holds the current database so handlers always read the live one; switching dataset or fault scenario
 * rebuilds it (data scenarios rewrite a fresh database; transport scenarios are read by the scenario gate).
 */
export interface DbStore {
  /** The administrative units (the same for every database this store builds). */
  readonly localities: LocalityIndex;
  get(): MockDb;
  reset(dataset?: DatasetName): MockDb;
  scenario(): Scenario;
  setScenario(scenario: Scenario): MockDb;
}

export function createDbStore(options: CreateDbOptions & { scenario?: Scenario }): DbStore {
  let current: MockDb | null = null;
  let opts = options;
  let scenario: Scenario = options.scenario ?? 'none';
  const build = () => {
    const db = createDb(opts);
    applyDataScenario(db, scenario);
    return db;
  };
  return {
    localities: options.localities,
    get() {
      current ??= build();
      return current;
    },
    reset(dataset) {
      if (dataset) opts = { ...opts, dataset };
      current = build();
      return current;
    },
    scenario: () => scenario,
    setScenario(next) {
      scenario = next;
      current = build();
      return current;
    },
  };
}
