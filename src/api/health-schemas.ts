import { z } from 'zod';

/** `GET /health`: the server is up and can reach its database. */
export const Health = z
  .object({
    status: z.enum(['ok']),
    database: z.enum(['sqlite', 'postgres', 'memory']).meta({
      description: 'The storage in use: the embedded SQLite, PostgreSQL, or memory (the in-browser demo).',
    }),
    version: z.string().meta({ description: 'Version of the application.' }),
    dataVersion: z.int().nonnegative().meta({ description: 'Counter of changes to the data.' }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

export const HealthQuery = z.object({
  check: z
    .enum(['database'])
    .optional()
    .meta({ description: 'database: also run a query on the database (a deeper, slower check).' }),
});
