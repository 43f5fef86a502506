import type { Category, Deadline, TaskStatus } from '../../src/api/schemas';

/** One recorded progress update of a sample task (history; the last one gives the task its current state). */
export interface SampleUpdate {
  /** YYYY-MM-DD */
  date: string;
  status: TaskStatus;
  progress: number;
  note: string;
  author: string;
}

/** A task as written in the sample data: its quote is given as text and located in the article body at load time. */
export interface SampleTaskDef {
  /** Stable id, e.g. "t-000-09". */
  id: string;
  /** The exact words of the article that assigned the task (the clause); must occur in the body. */
  quote: string;
  /** When the same words occur more than once in the body, which occurrence (0-based). */
  occurrence?: number;
  title: string;
  description: string;
  issuer: string;
  assignee: string;
  /** Official unit codes, read in the era in force on the article's date (pre-2025 before 2025-07-01). */
  localityCodes: string[];
  category: Category;
  flagship: boolean;
  deadline: Deadline | null;
  status: TaskStatus;
  progress: number;
  /** YYYY-MM-DD, required when status is done. */
  completedAt: string | null;
  /** Chronological progress updates after assignment (may be empty). */
  updates: SampleUpdate[];
}

export interface SampleArticleDef {
  id: string;
  title: string;
  publisher: string;
  /** YYYY-MM-DD */
  date: string;
  url: string | null;
  /** True for articles written by the project team as illustrations (not real news). */
  illustrative: boolean;
  body: string;
  tasks: SampleTaskDef[];
}
