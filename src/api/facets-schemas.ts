/** The contract of `GET /api/v1/facets` (no client code here, so the OpenAPI build and the mock can import it). */
import { z } from 'zod';

export const FACET_LIMIT = 200;

export const FacetValue = z.object({ value: z.string(), count: z.int().nonnegative() }).meta({ id: 'FacetValue' });
export type FacetValue = z.infer<typeof FacetValue>;

export const Facets = z
  .object({
    issuer: z.array(FacetValue).meta({ description: `Most frequent first, at most ${FACET_LIMIT}.` }),
    assignee: z.array(FacetValue).meta({ description: `Most frequent first, at most ${FACET_LIMIT}.` }),
  })
  .meta({ id: 'Facets' });
export type Facets = z.infer<typeof Facets>;
