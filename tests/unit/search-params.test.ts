// @vitest-environment node
/** A shared link can carry any JSON value in any parameter: validation must drop it, never throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompareSearch, FilterSearch, inspectSearch, TasksSearch } from '../../src/app/search';

const hostile = fc.oneof(
  fc.anything(),
  fc.constant({ toString: 0 }),
  fc.constant([{ toString: 0 }]),
  fc.constant({ valueOf: null }),
  fc.string(),
);

describe('URL filter validation on hostile links', () => {
  it('never throws and reports what it drops', () => {
    const keys = [
      'q',
      'status',
      'timeliness',
      'locality',
      'era',
      'category',
      'issuer',
      'assignee',
      'flagship',
      'deadlineFrom',
      'deadlineTo',
      'sort',
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), hostile), (raw) => {
        expect(() => FilterSearch.parse(raw)).not.toThrow();
        expect(() => TasksSearch.parse(raw)).not.toThrow();
        expect(() => CompareSearch.parse(raw)).not.toThrow();
        const dropped = inspectSearch(raw);
        for (const d of dropped) expect(typeof d.value).toBe('string');
      }),
    );
  });

  it('names an object value it cannot read', () => {
    const dropped = inspectSearch({ locality: [{ toString: 0 }] });
    expect(dropped).toEqual([expect.objectContaining({ key: 'locality', reason: 'malformed' })]);
  });
});
