// @vitest-environment node
/**
 * Several server processes on one PostgreSQL database: a change published by one process's feed reaches every other
 * process's feed through LISTEN/NOTIFY, once, with its origin and time; its own notification never echoes back.
 * Runs when TEST_DATABASE_URL names a PostgreSQL server (CI sets it); the payload codec is tested everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Change, createChangeFeed } from '../../server/events/feed';
import { decodeChange, encodeChange, type PgBridge, startPgBridge } from '../../server/events/pg-bridge';

const PG_URL = process.env.TEST_DATABASE_URL;

describe('the NOTIFY payload', () => {
  it('round-trips a change, and sends one too large for PostgreSQL as "everything"', () => {
    const feed = createChangeFeed({ origin: 'p1' });
    const change = feed.publish(7, { tasks: ['t-1'], articles: ['a-000'], titles: ['Cầu Đình Khao'] });
    expect(decodeChange(encodeChange(change))).toMatchObject({ o: 'p1', v: 7, t: ['t-1'], a: ['a-000'] });
    const big = feed.publish(8, { tasks: Array.from({ length: 200 }, (_, i) => `t-${'x'.repeat(60)}-${i}`) });
    const wire = encodeChange(big);
    expect(Buffer.byteLength(wire)).toBeLessThan(8000);
    expect(decodeChange(wire)).toMatchObject({ all: 1, t: [] });
    expect(decodeChange('not json')).toBeNull();
  });
});

describe.runIf(PG_URL)('LISTEN/NOTIFY between processes', () => {
  const a = createChangeFeed({ origin: 'process-a' });
  const b = createChangeFeed({ origin: 'process-b' });
  let bridges: PgBridge[] = [];
  beforeAll(async () => {
    bridges = [startPgBridge({ url: PG_URL as string, feed: a }), startPgBridge({ url: PG_URL as string, feed: b })];
    await Promise.all(bridges.map((x) => x.ready));
  });
  afterAll(async () => {
    await Promise.all(bridges.map((x) => x.close()));
  });

  it('delivers a change made in one process to the other, once, and never echoes it back', async () => {
    const heardByA: Change[] = [];
    const heardByB: Change[] = [];
    a.subscribe((c) => heardByA.push(c));
    b.subscribe((c) => heardByB.push(c));
    const sent = a.publish(41, { tasks: ['t-bridge'], titles: ['Cầu Đình Khao'] });
    const deadline = Date.now() + 3000;
    while (heardByB.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate or an echo to show up
    expect(heardByB).toHaveLength(1);
    expect(heardByB[0]).toMatchObject({ origin: 'process-a', version: 41, tasks: ['t-bridge'], at: sent.at });
    expect(heardByA).toEqual([sent]);
  });
});
