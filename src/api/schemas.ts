/**
 * The API contract. Every request and response shape of `/api/v1` is defined here, once.
 * The fetch client parses every response with these schemas, the mock handlers are typed by them,
 * and `scripts/build-openapi.ts` turns them into `openapi.json`.
 */
import { z } from 'zod';
import {
  CATEGORIES,
  ERAS,
  LOCALITY_CODE_PATTERN,
  LOCALITY_LEVELS,
  TASK_SORTS,
  TASK_STATUSES,
  TIMELINESS,
} from './constants';

// No runtime code generation: zod's probe for `new Function` is reported as a violation by the production
// build's Content-Security-Policy (script-src 'self'), once per page load.
z.config({ jitless: true });

// The enumerations live without zod in ./constants (the first screen imports them from there); re-exported here.
export {
  CATEGORIES,
  ERAS,
  LOCALITY_LEVELS,
  TASK_SORTS,
  TASK_STATUSES,
  TIMELINESS,
} from './constants';

export const TaskStatus = z.enum(TASK_STATUSES).meta({
  id: 'TaskStatus',
  description: 'Stored lifecycle state of a task.',
});
export type TaskStatus = z.infer<typeof TaskStatus>;

export const Timeliness = z.enum(TIMELINESS).meta({
  id: 'Timeliness',
  description:
    'Derived at request time. due_soon = open and due within 7 days; overdue = open past its deadline; on_track = open, deadline further away; no_deadline = open or done without a deadline (a task without one is neither on time nor late).',
});
export type Timeliness = z.infer<typeof Timeliness>;

export const Category = z.enum(CATEGORIES).meta({ id: 'Category', description: 'Field of the task.' });
export type Category = z.infer<typeof Category>;

export const Era = z.enum(ERAS).meta({
  id: 'Era',
  description: 'Administrative units before (three levels) or after (two levels) the reform of 1 July 2025.',
});
export type Era = z.infer<typeof Era>;

/** Calendar date, `YYYY-MM-DD`, checked to be a real day. */
export const IsoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD.' });
/** Instant with offset, e.g. `2022-03-22T12:19:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Span = z
  .object({
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
    text: z.string(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] })
  .meta({
    id: 'Span',
    description: 'Character span [start, end) in UTF-16 code units of the NFC-normalised article body, and its text.',
  });
export type Span = z.infer<typeof Span>;

export const Deadline = z
  .object({
    date: IsoDate,
    text: z.string().meta({ description: 'The expression as written in the source, e.g. "quý II".' }),
  })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof Deadline>;

/** A locality code: an official code of the General Statistics Office (2, 3 or 5 digits). */
export const LocalityCode = z.string().regex(LOCALITY_CODE_PATTERN, 'not an administrative unit code');

export const Task = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string(),
    articleId: z.string().nullable(),
    quote: Span.nullable(),
    issuer: z.string(),
    assignee: z.string(),
    localityCodes: z.array(LocalityCode),
    category: Category,
    flagship: z.boolean(),
    deadline: Deadline.nullable(),
    status: TaskStatus,
    progress: z.int().min(0).max(100),
    completedAt: IsoDate.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.int().positive(),
    timeliness: Timeliness,
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;
/** What the store keeps: everything but the derived timeliness. */
export type StoredTask = Omit<Task, 'timeliness'>;

export const TaskSort = z.enum(TASK_SORTS).meta({
  id: 'TaskSort',
  description: 'Sort key; a leading "-" sorts descending. overdueDays puts the most overdue first when descending.',
});
export type TaskSort = z.infer<typeof TaskSort>;

/** Accepts one value or many (a repeated query parameter) and always yields an array. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).optional());

/**
 * Filters shared by `/tasks` and `/stats`. Values arrive as query strings; a parameter that may repeat
 * (`status=done&status=paused`) is a list.
 */
export const TaskFilters = z.object({
  q: z.string().trim().max(200).optional().meta({ description: 'Free text; accent- and case-insensitive.' }),
  status: many(TaskStatus),
  timeliness: many(Timeliness),
  locality: many(LocalityCode).meta({
    description:
      'Unit codes of either era. A task matches when its locality lies within the unit, across the 2025 reform (83 Bến Tre and 86 Vĩnh Long both find a 2022 task of huyện Chợ Lách 832).',
  }),
  era: Era.optional().meta({
    description: 'How to read a locality code that exists in both eras, and which units /stats breaks down into.',
  }),
  category: many(Category),
  issuer: many(z.string().min(1)),
  assignee: many(z.string().min(1)),
  articleId: many(z.string().min(1)),
  flagship: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  deadlineFrom: IsoDate.optional(),
  deadlineTo: IsoDate.optional(),
});
export type TaskFiltersInput = z.input<typeof TaskFilters>;
export type TaskFilters = z.output<typeof TaskFilters>;

export const MAX_PAGE_SIZE = 200;

/**
 * A whole number in a query string, written in digits only: `1e3`, `2.0`, `0x10` or ` 3` are reported as invalid
 * instead of being read as numbers. A number (a query object built in code) is taken as it is.
 */
export const queryInt = (min: number, max = 1_000_000_000) =>
  z
    .union([
      z.int(),
      z
        .string()
        .regex(/^\d{1,10}$/, 'digits only')
        .transform(Number),
    ])
    .pipe(z.int().min(min).max(max));

export const TaskListQuery = TaskFilters.extend({
  sort: TaskSort.default('deadline'),
  page: queryInt(1).default(1),
  pageSize: queryInt(1, MAX_PAGE_SIZE).default(20),
});
export type TaskListQuery = z.output<typeof TaskListQuery>;

export const TaskPage = z
  .object({
    items: z.array(Task),
    total: z.int().nonnegative(),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  })
  .meta({ id: 'TaskPage' });
export type TaskPage = z.infer<typeof TaskPage>;

export const ArticleSummary = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    publisher: z.string(),
    date: IsoDate,
    url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .meta({ description: 'The article on the web: http or https only (never javascript:, data:…).' }),
    illustrative: z.boolean().meta({ description: 'True for sample articles written by the project team.' }),
    taskIds: z.array(z.string()),
  })
  .meta({ id: 'ArticleSummary' });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  body: z.string().meta({ description: 'Full text, NFC-normalised; quote spans index into it.' }),
}).meta({ id: 'Article' });
export type Article = z.infer<typeof Article>;

/**
 * Articles take the task filters: an article is listed when one of its tasks matches them all (`q` also finds
 * an article by its title or publisher when it is the only filter).
 */
export const ArticleListQuery = TaskFilters.extend({
  page: queryInt(1).default(1),
  pageSize: queryInt(1, MAX_PAGE_SIZE).default(20),
});
export const ArticlePage = z
  .object({
    items: z.array(ArticleSummary),
    total: z.int().nonnegative(),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  })
  .meta({ id: 'ArticlePage' });
export type ArticlePage = z.infer<typeof ArticlePage>;

export const LocalityLevel = z.enum(LOCALITY_LEVELS);
export type LocalityLevel = z.infer<typeof LocalityLevel>;

export const Locality = z
  .object({
    code: LocalityCode,
    name: z.string().meta({ description: 'Full name, e.g. "Huyện Chợ Lách".' }),
    shortName: z.string().meta({ description: 'Name without the unit type, e.g. "Chợ Lách".' }),
    level: LocalityLevel,
    era: Era,
    parentCode: LocalityCode.nullable(),
    hasChildren: z.boolean(),
    successorCodes: z.array(LocalityCode).meta({
      description: 'For a pre-2025 unit: the post-2025 units that absorbed it (empty for post-2025 units).',
    }),
  })
  .meta({ id: 'Locality' });
export type Locality = z.infer<typeof Locality>;

export const LocalityListQuery = z.object({
  parent: LocalityCode.optional(),
  era: Era.default('post2025'),
  q: z.string().trim().max(100).optional(),
  code: many(LocalityCode),
});
export const LocalityList = z.object({ era: Era, items: z.array(Locality) }).meta({ id: 'LocalityList' });
export type LocalityList = z.infer<typeof LocalityList>;

/** One count per timeliness, every key present (an object, not a record: OpenAPI then names each property). */
export const TimelinessCounts = z
  .object(
    Object.fromEntries(TIMELINESS.map((t) => [t, z.int().nonnegative()])) as {
      [K in Timeliness]: z.ZodInt;
    },
  )
  .meta({ id: 'TimelinessCounts' });
export type TimelinessCounts = z.infer<typeof TimelinessCounts>;

export const LocalityBucket = z
  .object({
    code: z.string().meta({ description: 'Unit code, or "*" for tasks that span several units or lie above them.' }),
    name: z.string(),
    total: z.int().nonnegative(),
    byTimeliness: TimelinessCounts,
  })
  .meta({ id: 'LocalityBucket' });
export type LocalityBucket = z.infer<typeof LocalityBucket>;

export const Stats = z
  .object({
    asOf: IsoDate.meta({ description: 'The date timeliness was evaluated at.' }),
    total: z.int().nonnegative(),
    byTimeliness: TimelinessCounts,
    byStatus: z
      .object(
        Object.fromEntries(TASK_STATUSES.map((s) => [s, z.int().nonnegative()])) as {
          [K in TaskStatus]: z.ZodInt;
        },
      )
      .meta({ id: 'StatusCounts' }),
    byLocality: z.object({
      era: Era,
      parent: Locality.nullable().meta({
        description: 'The filtered unit whose children are listed; null: provinces.',
      }),
      items: z.array(LocalityBucket),
    }),
    byCategory: z.array(z.object({ category: Category, total: z.int().nonnegative(), byTimeliness: TimelinessCounts })),
    monthly: z.array(
      z.object({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        assigned: z.int().nonnegative(),
        completed: z.int().nonnegative(),
      }),
    ),
    mostOverdue: z.array(Task).meta({ description: 'Up to 10 open tasks furthest past their deadline.' }),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof Stats>;

export const ProblemDetails = z
  // Loose: RFC 9457 lets a problem carry extension members (e.g. the id of an existing duplicate).
  .looseObject({
    type: z.string().default('about:blank'),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          name: z.string().meta({ description: 'The parameter or field, e.g. "pageSize" or "deadline.date".' }),
          reason: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details, served as application/problem+json.' });
export type ProblemDetails = z.infer<typeof ProblemDetails>;
