/**
 * Exports: the filtered rows to CSV (UTF-8 with BOM, the header row first) and XLSX (the filters on a second
 * sheet), read back; the export buttons of the task list; a chart to PNG.
 */
import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { HttpResponse, http } from 'msw';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { BOM, buildCsv, buildXlsx } from '../../src/components/export/table-file';
import { buildTaskFile } from '../../src/features/tasks/utils/export-tasks';
import { createI18n, moreMessages } from '../../src/i18n/i18n';
import { apiUrl } from '../helpers';
import { renderApp } from '../render';

vi.mock('html-to-image', () => ({
  toBlob: vi.fn(async () => new Blob(['\x89PNG'], { type: 'image/png' })),
}));

const FILTERS = { locality: ['832'], era: 'pre2025' as const };

async function apiTotal(query: string): Promise<number> {
  return (await (await fetch(apiUrl(`/tasks?${query}&pageSize=1`))).json()).total;
}

function context(filters = FILTERS, cap?: number) {
  const i18n = createI18n('vi');
  return {
    filters,
    sort: 'deadline' as const,
    client: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    t: i18n.t,
    date: (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    now: '26/11/2026 14:05',
    today: '2026-11-26',
    link: 'http://localhost/tasks?locality=832&era=pre2025',
    cap,
  };
}

/** The CSV's header row (its first line, right after the BOM) and its rows. */
function readCsv(text: string) {
  expect(text.startsWith(BOM)).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(BOM.length), { skipEmptyLines: 'greedy' }).data;
  const [header, ...body] = rows;
  return { header: header ?? [], body };
}

describe('export files', () => {
  // The task list's column names are in the other screens' messages, which its route waits for (i18n.ts).
  beforeAll(() => moreMessages());

  it('writes every filtered row to CSV with a BOM and correct diacritics, its first line the header row', async () => {
    const total = await apiTotal('locality=832&era=pre2025');
    const { file } = await buildTaskFile(context());
    const text = await buildCsv(file);
    // The first line is the header: nothing a spreadsheet or a script would take for data above it.
    expect(text.slice(BOM.length).split('\r\n')[0]).toBe(file.columns.map((c) => c.header).join(','));
    const { header, body } = readCsv(text);
    expect(text).not.toContain('Thời điểm xuất');
    // The filters are described in the XLSX's second sheet (and in the file built for both).
    expect(file.meta).toEqual(
      expect.arrayContaining([
        ['Thời điểm xuất', '26/11/2026 14:05'],
        ['Số dòng', String(total)],
        ['Bộ lọc: Địa bàn', 'Bến Tre › Chợ Lách'],
      ]),
    );
    expect(header.slice(0, 3)).toEqual(['Mã', 'Nhiệm vụ', 'Địa bàn']);
    // Read as a table with named columns (as scripts and the bulk import read a CSV), every row is a task.
    const named = Papa.parse<Record<string, string>>(text.slice(BOM.length), { header: true, skipEmptyLines: true });
    expect(named.errors).toEqual([]);
    expect(named.data).toHaveLength(total);
    expect(named.data.map((r) => r['Nhiệm vụ'])).toContain('Xây dựng cầu Đình Khao');
    expect(body).toHaveLength(total);
    const bridge = body.find((r) => r[1] === 'Xây dựng cầu Đình Khao');
    expect(bridge, 'the Đình Khao bridge task').toBeDefined();
    expect(bridge?.[2]).toBe('Bến Tre › Chợ Lách');
    expect(bridge?.[header.indexOf('Lĩnh vực')]).toBe('Hạ tầng, giao thông');
    // Dates as ISO days, readable in every locale.
    expect(body.every((r) => /^(\d{4}-\d{2}-\d{2})?$/.test(r[header.indexOf('Thời hạn')] ?? ''))).toBe(true);
  });

  it('writes XLSX with the rows on the first sheet and the filters on a second', async () => {
    const total = await apiTotal('locality=832&era=pre2025');
    const { file } = await buildTaskFile(context());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await buildXlsx(file));
    const [tasks, filters] = wb.worksheets;
    if (!tasks || !filters) throw new Error('two sheets expected');
    expect(tasks?.name).toBe('Nhiệm vụ');
    expect(filters?.name).toBe('Bộ lọc');
    expect(tasks?.actualRowCount).toBe(total + 1);
    const header = (tasks.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Mã', 'Nhiệm vụ', 'Địa bàn']);
    const titles: string[] = [];
    tasks?.eachRow((row, i) => {
      if (i > 1) titles.push(String(row.getCell(2).value));
    });
    expect(titles).toContain('Xây dựng cầu Đình Khao');
    // Deadlines are real dates in the spreadsheet.
    const deadlineCol = header.indexOf('Thời hạn') + 1;
    const withDeadline = tasks?.getRows(2, total)?.find((r) => r.getCell(deadlineCol).value instanceof Date);
    expect(withDeadline?.getCell(deadlineCol).numFmt).toBe('dd/mm/yyyy');
    const described: string[] = [];
    filters?.eachRow((row) => {
      described.push((row.values as unknown[]).slice(1).join(' = '));
    });
    expect(described).toContain('Bộ lọc: Địa bàn = Bến Tre › Chợ Lách');
    expect(described).toContain(`Số dòng = ${total}`);
  });

  it('stops at the cap and says so in the file', async () => {
    const total = await apiTotal('');
    const { file, count } = await buildTaskFile(context({} as typeof FILTERS, 5));
    expect(count).toBe(5);
    expect(file.rows).toHaveLength(5);
    expect(file.meta).toContainEqual(['', `Chỉ xuất 5 dòng đầu tiên trong tổng số ${total}.`]);
    expect(file.meta).toContainEqual(['Bộ lọc', 'Không lọc (tất cả nhiệm vụ)']);
  });
});

describe('export buttons', () => {
  let saved: Blob[] = [];
  let names: string[] = [];
  beforeEach(() => {
    saved = [];
    names = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return `blob:test/${saved.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads the filtered rows as CSV from the task list and says how many', async () => {
    const user = userEvent.setup();
    const total = await apiTotal('locality=832&era=pre2025');
    renderApp('/tasks?locality=832&era=pre2025');
    const csv = await screen.findByRole('button', { name: 'Tải CSV' });
    await waitFor(() => expect(csv).toBeEnabled());
    await user.click(csv);
    expect(
      await screen.findByText(new RegExp(`Đã tạo tệp nhiem-vu-\\d{4}-\\d{2}-\\d{2}\\.csv \\(${total} dòng\\)`)),
    ).toBeInTheDocument();
    expect(names[0]).toMatch(/^nhiem-vu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved[0]?.type).toBe('text/csv;charset=utf-8');
    // The file's first bytes are the UTF-8 BOM (EF BB BF); Blob.text() decodes it away, so it is put back to read.
    const bytes = new Uint8Array(await (saved[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const { body } = readCsv(text);
    expect(body).toHaveLength(total);
    expect(text).toContain('Xây dựng cầu Đình Khao');
  });

  it('downloads XLSX too', async () => {
    const user = userEvent.setup();
    renderApp('/tasks?locality=832&era=pre2025');
    const xlsx = await screen.findByRole('button', { name: 'Tải Excel (XLSX)' });
    await waitFor(() => expect(xlsx).toBeEnabled());
    await user.click(xlsx);
    await waitFor(
      () => expect(document.querySelector('.export-status')).toHaveTextContent(/Đã tạo tệp nhiem-vu-.*\.xlsx/),
      {
        timeout: 5000,
      },
    );
    expect(saved[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (saved[0] as Blob).arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', 'Bộ lọc']);
  });

  it('says the export failed, in words, when the API fails meanwhile', async () => {
    const user = userEvent.setup();
    renderApp('/tasks');
    const csv = await screen.findByRole('button', { name: 'Tải CSV' });
    await waitFor(() => expect(csv).toBeEnabled());
    server.use(
      http.get('*/api/v1/tasks', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Internal error', status: 500 },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await user.click(csv);
    expect(await screen.findByText(/Không xuất được dữ liệu\. Máy chủ đang gặp sự cố \(mã 500\)/)).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });

  it('saves a chart as PNG, named after it', async () => {
    const user = userEvent.setup();
    renderApp('/');
    // The charts arrive in their own chunk: wait for the real card (the placeholder card has no button).
    const button = await screen.findByRole(
      'button',
      { name: 'Tải biểu đồ “Tình trạng thực hiện” dạng ảnh PNG' },
      // The charts' chunk is loaded after the figures (the first screen does not wait for it).
      { timeout: 15_000 },
    );
    await user.click(button);
    await waitFor(() => expect(names[0]).toMatch(/^tinh-trang-thuc-hien-\d{4}-\d{2}-\d{2}\.png$/));
    expect(saved[0]?.type).toBe('image/png');
  });
});
