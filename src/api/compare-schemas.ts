/**
 * The contract of `GET /api/v1/stats/compare` (no client code here, so the OpenAPI build and the mock can import it).
 */
import { z } from 'zod';
import { Era, IsoDate, Locality } from './schemas';

const ratio = z.number().min(0).max(1).nullable();

export const CompareItem = z
  .object({
    code: z.string().meta({ description: 'Unit code, or "*" for tasks filed above the units or across several.' }),
    name: z.string(),
    hasChildren: z.boolean(),
    total: z.int().nonnegative(),
    done: z.int().nonnegative(),
    cancelled: z.int().nonnegative(),
    completionRate: ratio.meta({ description: 'done ÷ (total − cancelled); null when nothing is counted.' }),
    due: z.int().nonnegative().meta({
      description: 'Tasks that have come due: done on time (with a deadline), done late, or open and overdue.',
    }),
    doneOnTime: z.int().nonnegative(),
    onTimeRate: ratio.meta({ description: 'doneOnTime ÷ due; null when none has come due.' }),
    overdue: z.int().nonnegative(),
    flagship: z.object({
      total: z.int().nonnegative().meta({ description: 'Flagship tasks, cancelled excluded.' }),
      averageProgress: z.number().min(0).max(100).nullable(),
    }),
  })
  .meta({ id: 'CompareItem' });
export type CompareItem = z.infer<typeof CompareItem>;

export const CompareResult = z
  .object({
    asOf: IsoDate,
    era: Era,
    parent: Locality.nullable().meta({
      description: 'The filtered unit whose children are compared; null: provinces.',
    }),
    items: z.array(CompareItem).meta({ description: 'Every child unit in name order, then "*" when it has tasks.' }),
  })
  .meta({ id: 'CompareResult' });
export type CompareResult = z.infer<typeof CompareResult>;
