// @vitest-environment node
/** The SQL store's derived columns: the search text built field by field is indexTask's, on any text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTextOf } from '../../server/store/sql/rows';
import type { StoredTask } from '../../src/api/schemas';
import { indexTask } from '../../src/domain/task-query';
import { makeTask } from './harness';

// Letters with and without marks (precomposed and combining), đ/Đ, Greek sigma (lower-casing depends on context),
// apostrophes, and white space of several kinds, so boundaries between fields are exercised.
const piece = fc.constantFrom(
  'a',
  'Ă',
  'ầ',
  'Đ',
  'đ',
  'e\u0301',
  '\u0301',
  '\u0323',
  'Σ',
  'ΑΣ',
  "'",
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  'x',
  'Y',
  '1',
  '\u0001',
);
const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

describe('searchTextOf', () => {
  it('equals indexTask(task, articleTitle).searchText', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.option(text),
        text,
        text,
        text,
        (title, description, quote, assignee, issuer, article) => {
          const task: StoredTask = {
            ...makeTask({ id: 't-1' }),
            title,
            description,
            quote: quote === null ? null : { start: 0, end: quote.length, text: quote },
            assignee,
            issuer,
          };
          expect(searchTextOf(task, article)).toBe(indexTask(task, article).searchText);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
