// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { illustrativeArticles } from '../../mocks/data/illustrative-articles';
import type { SampleArticleDef, SampleTaskDef } from '../../mocks/data/sample-types';
import { seedArticle } from '../../mocks/data/seed-article';
import { IsoDate, TIMELINESS, type Timeliness } from '../../src/api/schemas';
import raw from '../../src/data/localities.json';
import { cleanArticleText } from '../../src/domain/article-text';
import { parseDeadline } from '../../src/domain/deadlines';
import { createLocalityIndex, type LocalityDataset, taskEra } from '../../src/domain/localities';
import { timelinessOf } from '../../src/domain/timeliness';

/** The date the sample statuses are written for. */
const EVALUATED_ON = '2026-11-26';

const data: LocalityDataset = raw;
const index = createLocalityIndex(data);
const articles: SampleArticleDef[] = [seedArticle, ...illustrativeArticles];
const allTasks: { article: SampleArticleDef; task: SampleTaskDef }[] = articles.flatMap((article) =>
  article.tasks.map((task) => ({ article, task })),
);

function nthIndexOf(body: string, needle: string, occurrence: number): number {
  let from = 0;
  for (let i = 0; ; i += 1) {
    const at = body.indexOf(needle, from);
    if (at < 0 || i === occurrence) return at;
    from = at + 1;
  }
}

/** The province of each of a task's codes, as today's (post-2025) province codes. */
function currentProvinces(article: SampleArticleDef, task: SampleTaskDef): string[] {
  const era = taskEra(article.date);
  return task.localityCodes.flatMap((code) => {
    const unit = index.get(code, era);
    if (!unit) return [];
    const province = index.path(code, era)[0];
    return province ? index.currentUnits(province).map((p) => p.code) : [];
  });
}

const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length;

describe('sample articles', () => {
  it('have unique article and task ids', () => {
    const articleIds = articles.map((a) => a.id);
    const taskIds = allTasks.map(({ task }) => task.id);
    expect(new Set(articleIds).size).toBe(articleIds.length);
    expect(new Set(taskIds).size).toBe(taskIds.length);
  });

  it.each(articles.map((a) => [a.id, a] as const))(
    '%s: is NFC, dated validly, and quotes its own body',
    (_, article) => {
      expect(IsoDate.safeParse(article.date).success).toBe(true);
      expect(article.body).toBe(article.body.normalize('NFC'));
      expect(article.tasks.length).toBeGreaterThan(0);
      for (const task of article.tasks) {
        expect(task.quote.trim(), task.id).not.toBe('');
        expect(task.quote, task.id).toBe(task.quote.normalize('NFC'));
        const at = nthIndexOf(article.body, task.quote, task.occurrence ?? 0);
        expect(at, `${task.id} quote not in body: ${task.quote}`).toBeGreaterThanOrEqual(0);
        expect(article.body.slice(at, at + task.quote.length)).toBe(task.quote);
      }
    },
  );

  it('file every task under locality codes that exist in the era of the article date', () => {
    for (const { article, task } of allTasks) {
      const era = taskEra(article.date);
      expect(task.localityCodes.length, task.id).toBeGreaterThan(0);
      for (const code of task.localityCodes) {
        expect(index.get(code, era), `${task.id}: ${code} in ${era}`).toBeDefined();
      }
    }
  });

  it('give deadlines as real dates, not before the article, written in the quote and resolving to that date', () => {
    for (const { article, task } of allTasks) {
      if (!task.deadline) continue;
      const { date, text } = task.deadline;
      expect(IsoDate.safeParse(date).success, `${task.id}: ${date}`).toBe(true);
      expect(date >= article.date, `${task.id}: ${date} before ${article.date}`).toBe(true);
      expect(task.quote, task.id).toContain(text);
      expect(parseDeadline(text, article.date)?.date, `${task.id}: "${text}"`).toBe(date);
    }
  });

  it('keep status, progress, completion date and update history consistent', () => {
    for (const { article, task } of allTasks) {
      const done = task.status === 'done';
      expect(task.completedAt !== null, `${task.id}: done ⇔ completedAt`).toBe(done);
      if (done) expect(task.progress, task.id).toBe(100);
      expect(task.progress).toBeGreaterThanOrEqual(0);
      expect(task.progress).toBeLessThanOrEqual(100);

      let previous = article.date;
      for (const u of task.updates) {
        expect(IsoDate.safeParse(u.date).success, `${task.id}: ${u.date}`).toBe(true);
        expect(u.date >= previous, `${task.id}: ${u.date} after ${previous}`).toBe(true);
        expect(u.date <= EVALUATED_ON, `${task.id}: ${u.date} after ${EVALUATED_ON}`).toBe(true);
        expect(u.note.trim()).not.toBe('');
        expect(u.author.trim()).not.toBe('');
        previous = u.date;
      }
      const last = task.updates.at(-1);
      if (last) {
        expect([last.status, last.progress], task.id).toEqual([task.status, task.progress]);
      }
      if (done) {
        expect(last?.date, `${task.id}: completedAt is the date of the last update`).toBe(task.completedAt);
        if (task.completedAt) expect(task.completedAt >= article.date).toBe(true);
      }
    }
  });
});

/** A note that measures a task against its plan: "chậm khoảng 7 tháng", "trễ 2,5 tháng so với kế hoạch". */
const LATENESS_CLAIM = /(chậm|trễ)\s+(khoảng\s+|hơn\s+|gần\s+)?[\d,]+\s+(ngày|tuần|tháng|năm)/iu;

describe('sample histories tell one story', () => {
  it('claim lateness only for a task that has a deadline and was past it on the day of the note', () => {
    for (const { task } of allTasks) {
      for (const u of task.updates) {
        if (!LATENESS_CLAIM.test(u.note)) continue;
        expect(task.deadline, `${task.id} (${u.date}) says late but has no deadline: ${u.note}`).not.toBeNull();
        if (task.deadline) expect(u.date > task.deadline.date, `${task.id} (${u.date}): ${u.note}`).toBe(true);
      }
    }
  });

  it('a done task said to be late is done late, and one done late says so nowhere else', () => {
    for (const { task } of allTasks) {
      if (task.status !== 'done') continue;
      const saysLate = task.updates.some((u) => LATENESS_CLAIM.test(u.note));
      if (saysLate) expect(timelinessOf(task, EVALUATED_ON), task.id).toBe('done_late');
    }
  });

  it('only the last update may finish a task, at 100 %, and progress never goes back', () => {
    for (const { task } of allTasks) {
      task.updates.forEach((u, i) => {
        const last = i === task.updates.length - 1;
        if (u.status === 'done') {
          expect(last, `${task.id}: done at ${u.date} but updated after`).toBe(true);
          expect(u.progress, `${task.id}: done at ${u.progress} %`).toBe(100);
        }
        const before = task.updates[i - 1];
        if (before)
          expect(u.progress, `${task.id}: ${before.progress} → ${u.progress} at ${u.date}`).toBeGreaterThanOrEqual(
            before.progress,
          );
      });
    }
  });
});

describe('the seed article', () => {
  it('assigns at least 13 tasks, including the three flagship projects', () => {
    expect(seedArticle.illustrative).toBe(false);
    expect(seedArticle.tasks.length).toBeGreaterThanOrEqual(13);
    for (const name of ['cầu Đình Khao', 'Trung tâm cây giống hoa kiểng', 'Đề án Làng văn hóa du lịch Chợ Lách']) {
      const task = seedArticle.tasks.find((t) => t.quote.includes(name));
      expect(task, name).toBeDefined();
      expect(task?.flagship, name).toBe(true);
    }
  });

  it('is the seed file as an import reads it: every sentence, without the page’s leftovers', () => {
    // tests/fixtures keeps the seed article exactly as it was supplied (000_39bba4cb8ffa281c.txt).
    const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const file = readFileSync(resolve(repoRoot, 'tests/fixtures/extraction/01-seed-cho-lach-2022.txt'), 'utf8');
    expect(seedArticle.body).toBe(cleanArticleText(file));
    expect(seedArticle.body).not.toMatch(/Chia sẻ bài viết|BÌNH LUẬN/);
    const paragraphs = seedArticle.body.split('\n\n');
    expect(paragraphs.filter((p, i) => p === paragraphs[i - 1])).toEqual([]);
    // Nothing of the article itself went: every paragraph of the file that is not a widget or a repeat is there.
    expect(file.split('\n\n').filter((p) => !seedArticle.body.includes(p))).toEqual(['Chia sẻ bài viết', 'BÌNH LUẬN']);
  });
});

describe('the illustrative articles', () => {
  it('are at least 10, marked illustrative, without a source URL, 120–350 words long, with 2–5 tasks each', () => {
    expect(illustrativeArticles.length).toBeGreaterThanOrEqual(10);
    for (const a of illustrativeArticles) {
      expect(a.illustrative, a.id).toBe(true);
      expect(a.url, a.id).toBeNull();
      expect(a.publisher, a.id).toBe('Bài mẫu minh họa');
      expect(a.date >= '2022-01-01' && a.date <= '2026-12-31', a.id).toBe(true);
      const words = wordCount(a.body);
      expect(words, `${a.id}: ${words} words`).toBeGreaterThanOrEqual(120);
      expect(words, `${a.id}: ${words} words`).toBeLessThanOrEqual(350);
      expect(a.tasks.length, a.id).toBeGreaterThanOrEqual(2);
      expect(a.tasks.length, a.id).toBeLessThanOrEqual(5);
    }
  });

  it('span at least 3 provinces (counted as today’s provinces) and several former districts of Bến Tre', () => {
    const provinces = new Set(illustrativeArticles.flatMap((a) => a.tasks.flatMap((t) => currentProvinces(a, t))));
    expect(provinces.size).toBeGreaterThanOrEqual(3);

    const benTreDistricts = new Set<string>();
    for (const a of illustrativeArticles) {
      if (taskEra(a.date) !== 'pre2025') continue;
      for (const code of a.tasks.flatMap((t) => t.localityCodes)) {
        const path = index.path(code, 'pre2025');
        if (path[0]?.code === '83' && path[1]) benTreDistricts.add(path[1].code);
      }
    }
    expect(benTreDistricts.size).toBeGreaterThanOrEqual(4);
    expect(benTreDistricts.has('832'), 'other districts than the seed’s Chợ Lách').toBe(false);
  });

  it('after the reform, use the two-level wording and file at least one task under xã Chợ Lách or xã Phú Phụng', () => {
    const post = illustrativeArticles.filter((a) => taskEra(a.date) === 'post2025');
    expect(post.length).toBeGreaterThanOrEqual(3);
    for (const a of post) expect(a.body, a.id).not.toMatch(/huyện/iu);
    const codes = post.flatMap((a) => a.tasks.flatMap((t) => t.localityCodes));
    expect(codes.some((c) => c === '28870' || c === '28879')).toBe(true);
  });

  it('include some tasks at commune level and some flagship projects', () => {
    const tasks = illustrativeArticles.flatMap((a) => a.tasks);
    expect(tasks.filter((t) => t.localityCodes.some((c) => c.length === 5)).length).toBeGreaterThanOrEqual(5);
    expect(tasks.filter((t) => t.flagship).length).toBeGreaterThanOrEqual(5);
    expect(tasks.filter((t) => t.status === 'paused').length).toBeGreaterThanOrEqual(2);
  });
});

describe(`timeliness of all sample tasks on ${EVALUATED_ON}`, () => {
  it('covers every class at least three times', () => {
    const counts = Object.fromEntries(TIMELINESS.map((t) => [t, 0])) as Record<Timeliness, number>;
    for (const { task } of allTasks) counts[timelinessOf(task, EVALUATED_ON)] += 1;
    for (const t of TIMELINESS) expect(counts[t], `${t}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(3);
  });
});
