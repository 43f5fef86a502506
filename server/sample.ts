/** The sample data (the seed article and the illustrative ones, with their tasks and histories) as rows to store. */
import type { Article, StoredTask } from '../src/api/schemas';
import type { LocalityIndex } from '../src/domain/localities';
import type { TaskUpdateEntry } from '../src/domain/task-updates';
import { createDb, type DatasetName } from './store/memory-db';

export interface DataSet {
  articles: Article[];
  tasks: StoredTask[];
  updates: TaskUpdateEntry[];
}

export function sampleData(localities: LocalityIndex, dataset: DatasetName = 'sample', today?: string): DataSet {
  const db = createDb({ localities, dataset, ...(today ? { today } : {}) });
  return {
    articles: [...db.articles.values()],
    tasks: [...db.tasks.values()],
    updates: [...db.updates.values()].flat(),
  };
}
