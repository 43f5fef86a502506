/**
 * Issue #12 item 14: the app's own task CSV goes back through the bulk import. Its header row is recognised (in
 * either language), its rows are grouped into their source articles, and each article is imported — found a
 * duplicate when it is in the tracker already (nothing is added twice) — or, when it is not, the reason is said in
 * Vietnamese. Round trip: export → import.
 */
import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbStore } from '../../mocks/node';
import type { TaskFilters } from '../../src/api/schemas';
import { BOM, buildCsv } from '../../src/components/export/table-file';
import { parseCsvArticles } from '../../src/features/article-import/utils/bulk-parse';
import { buildTaskFile } from '../../src/features/tasks/utils/export-tasks';
import { en } from '../../src/i18n/en';
import { createI18n, type Language, moreMessages } from '../../src/i18n/i18n';
import { apiUrl } from '../helpers';
import { renderApp } from '../render';

/** The task CSV exactly as the export button writes it, for every task. */
async function exportedCsv(language: Language = 'vi', filters: TaskFilters = {}): Promise<string> {
  const i18n = createI18n(language, { en });
  const { file } = await buildTaskFile({
    filters,
    sort: 'deadline',
    client: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    t: i18n.t,
    date: (iso: string) => iso,
    now: '26/11/2026 14:05',
    today: '2026-11-26',
  });
  return buildCsv(file);
}

/** The source article ids the CSV's rows name, in order of first appearance. */
function articleIdsOf(csv: string): string[] {
  const [header, ...rows] = Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: 'greedy' }).data;
  const col = (header ?? []).length - 1;
  return [...new Set(rows.map((r) => r[col] ?? '').filter(Boolean))];
}

describe('the task CSV through the bulk import', () => {
  // The task list's column names are in the other screens' messages, which its route waits for (i18n.ts).
  beforeAll(() => moreMessages());

  it('recognises the header row in Vietnamese and in English, one entry per source article', async () => {
    for (const language of ['vi', 'en'] as const) {
      const csv = await exportedCsv(language);
      const entries = parseCsvArticles(csv.slice(BOM.length), 'nhiem-vu.csv', { publisher: '' });
      expect(entries.map((e) => e.fromTasks?.articleId)).toEqual(articleIdsOf(csv));
      expect(entries.every((e) => e.problem === 'task_csv_unknown_article')).toBe(true);
      expect(entries.reduce((n, e) => n + (e.fromTasks?.rows ?? 0), 0)).toBe(dbStore.get().tasks.size);
    }
  });

  it('round trip: an imported article, exported with every task and imported again, is found a duplicate', async () => {
    // An article imported into the tracker first.
    const body =
      'Chủ tịch UBND tỉnh giao Sở Nông nghiệp hoàn thành kè sông Cổ Chiên đoạn qua xã Phú Sơn trước ngày 30/6/2027.';
    const created = await fetch(apiUrl('/articles'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Kè sông Cổ Chiên',
        date: '2026-11-20',
        publisher: 'Báo thử nghiệm',
        url: null,
        body,
        directives: [
          {
            title: 'Hoàn thành kè sông Cổ Chiên',
            quote: { start: 0, end: body.length, text: body },
            issuer: 'Chủ tịch UBND tỉnh',
            assignee: 'Sở Nông nghiệp',
            localityCodes: ['86'],
            category: 'infrastructure',
            flagship: false,
            deadline: { date: '2027-06-30', text: 'trước ngày 30/6/2027' },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const imported = (await created.json()) as { id: string };

    const csv = await exportedCsv();
    const ids = articleIdsOf(csv);
    expect(ids).toContain(imported.id);
    const before = { articles: dbStore.get().articles.size, tasks: dbStore.get().tasks.size };

    const user = userEvent.setup();
    renderApp('/articles/import');
    const file = new File([csv], 'nhiem-vu-2026-11-26.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('Chọn tệp'), file);
    await screen.findByRole('table', { name: 'Các bài viết đọc được từ tệp đã chọn' });
    await user.click(await screen.findByRole('button', { name: `Nhập ${ids.length} bài viết` }));
    await screen.findByText(/^Kết quả: 0 bài đã nhập/, {}, { timeout: 30_000 });
    expect(screen.getByText(`Kết quả: 0 bài đã nhập (0 nhiệm vụ), ${ids.length} bài trùng, 0 bài lỗi.`)).toBeVisible();
    expect({ articles: dbStore.get().articles.size, tasks: dbStore.get().tasks.size }).toEqual(before);
  });

  it('round trip of one article: its tasks exported and imported again link to it, nothing added', async () => {
    const [articleId] = [...dbStore.get().articles.keys()];
    const article = dbStore.get().articles.get(articleId as string);
    const csv = await exportedCsv('vi', { articleId: [articleId as string] });
    expect(articleIdsOf(csv)).toEqual([articleId]);
    const before = { articles: dbStore.get().articles.size, tasks: dbStore.get().tasks.size };
    const user = userEvent.setup();
    renderApp('/articles/import');
    await user.upload(await screen.findByLabelText('Chọn tệp'), new File([csv], 'nhiem-vu.csv', { type: 'text/csv' }));
    const table = await screen.findByRole('table', { name: 'Các bài viết đọc được từ tệp đã chọn' });
    await user.click(await screen.findByRole('button', { name: 'Nhập 1 bài viết' }));
    await screen.findByText('Kết quả: 0 bài đã nhập (0 nhiệm vụ), 1 bài trùng, 0 bài lỗi.', {}, { timeout: 30_000 });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('Trùng với bài đã có');
    expect(within(row as HTMLElement).getByRole('link', { name: article?.title })).toHaveAttribute(
      'href',
      `/articles/${articleId}`,
    );
    expect({ articles: dbStore.get().articles.size, tasks: dbStore.get().tasks.size }).toEqual(before);
  });

  it('says in Vietnamese why a task CSV from another tracker cannot be imported', async () => {
    const csv = await exportedCsv();
    const [first] = articleIdsOf(csv);
    const foreign = csv.replaceAll(`,${first}\r\n`, ',a-khong-co\r\n');
    const user = userEvent.setup();
    renderApp('/articles/import');
    await user.upload(
      await screen.findByLabelText('Chọn tệp'),
      new File([foreign], 'nhiem-vu-noi-khac.csv', { type: 'text/csv' }),
    );
    const table = await screen.findByRole('table', { name: 'Các bài viết đọc được từ tệp đã chọn' });
    await waitFor(() =>
      expect(
        within(table).getByText(
          /bài viết nguồn a-khong-co không có trong hệ thống này, mà bảng chỉ ghi mã bài chứ không có nội dung bài nên không nhập lại được/,
        ),
      ).toBeVisible(),
    );
  });
});
