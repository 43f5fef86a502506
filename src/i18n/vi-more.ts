import { articleImportVi } from './vi/article-import';
import { articlesVi } from './vi/articles';
import { compareVi } from './vi/compare';
import { deadlinesVi } from './vi/deadlines';
import { presentVi } from './vi/present';
import { taskVi } from './vi/task';
import { tasksVi } from './vi/tasks';

/**
 * The Vietnamese messages of the screens other than the overview (about 10 kB gzip): a chunk of its own, loaded as
 * soon as the app has started and awaited by those screens' routes (src/i18n/i18n.ts), not in the first screen's
 * code. Each section is whole here (vi.ts carries only their navigation labels).
 */
export const viMore = {
  present: presentVi,
  tasks: tasksVi,
  compare: compareVi,
  task: taskVi,
  articles: articlesVi,
  articleImport: articleImportVi,
  deadlines: deadlinesVi,
} as const;
