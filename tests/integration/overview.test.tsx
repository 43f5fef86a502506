/**
 * The overview route as a user sees it: Testing Library over the whole app, the mock API behind MSW.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { apiUrl } from '../helpers';
import { renderApp } from '../render';

async function kpiValue(label: RegExp) {
  const region = await screen.findByRole('region', { name: /Chỉ số chính|Key figures/ });
  const tile = within(region).getByText(label).closest('li');
  return tile?.querySelector('.kpi-value')?.textContent ?? '';
}

describe('overview', () => {
  it('shows the seed tasks in KPI tiles and every chart, in Vietnamese by default', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tổng quan tiến độ nhiệm vụ' })).toBeInTheDocument();
    await waitFor(async () => expect(Number(await kpiValue(/Tổng số nhiệm vụ/))).toBeGreaterThanOrEqual(13));
    for (const title of [
      'Tình trạng thực hiện',
      'Theo tỉnh, thành phố',
      'Theo lĩnh vực',
      // The sample spans more than 36 months, so the series is drawn by quarter.
      'Giao và hoàn thành theo quý',
    ]) {
      // The charts' code arrives in its own chunk, after the page shell (plain SVG, no Recharts).
      await waitFor(() =>
        expect(screen.getByRole('region', { name: title }).querySelector('svg.chart-svg')).not.toBeNull(),
      );
      const card = screen.getByRole('region', { name: title });
      // The text alternative is a real table with a caption naming the chart.
      expect(within(card).getByRole('table', { name: `Bảng số liệu: ${title}`, hidden: true })).toBeInTheDocument();
    }
    expect(document.documentElement.lang).toBe('vi');
  });

  it('puts the 2022 Chợ Lách tasks under today’s Vĩnh Long, and under Bến Tre in the pre-2025 view', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Theo tỉnh, thành phố' });
    await waitFor(() =>
      expect(within(card).getByRole('rowheader', { name: 'Vĩnh Long', hidden: true })).toBeInTheDocument(),
    );
    await user.click(screen.getByRole('radio', { name: /Trước 1\/7\/2025/ }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Theo tỉnh, thành phố' })).getByRole('rowheader', {
          name: 'Bến Tre',
          hidden: true,
        }),
      ).toBeInTheDocument(),
    );
  });

  it('lists the most overdue tasks with their deadline as written', async () => {
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Nhiệm vụ quá hạn lâu nhất' });
    const rows = await within(card).findAllByRole('row');
    expect(rows.length).toBeGreaterThan(1);
    expect(within(card).getAllByText(/ngày/).length).toBeGreaterThan(0);
    // Each row opens its task page.
    const links = within(card).getAllByRole('link');
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/tasks\/t-/));
  });

  it('never stops a list silently: "10 of 11" and a link to all overdue tasks in the table', async () => {
    // Read what to expect before rendering: awaiting a plain fetch while the app renders is outside act().
    const stats = await (await fetch(apiUrl('/stats'))).json();
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Nhiệm vụ quá hạn lâu nhất' });
    const seeAll = await within(card).findByRole('link', {
      name: `Xem tất cả ${stats.byTimeliness.overdue} nhiệm vụ quá hạn`,
    });
    expect(seeAll.getAttribute('href')).toMatch(/^\/tasks\?.*timeliness=overdue/);
    expect(seeAll.getAttribute('href')).toContain('sort=-overdueDays');
    if (stats.byTimeliness.overdue > stats.mostOverdue.length) {
      expect(card).toHaveTextContent(`${stats.mostOverdue.length} trên ${stats.byTimeliness.overdue} nhiệm vụ quá hạn`);
    }
  });

  it('counts every task in a tile and on the status line, paused work included', async () => {
    // Read what to expect before rendering: awaiting a plain fetch while the app renders is outside act().
    const stats = await (await fetch(apiUrl('/stats'))).json();
    renderApp('/');
    const value = (key: string) =>
      Number(document.querySelector(`[data-kpi="${key}"] .kpi-value`)?.textContent?.replace(/\D/g, '') ?? 'NaN');
    await waitFor(() => expect(value('total')).toBe(stats.total));
    const classes = ['doneOnTime', 'doneLate', 'onTrack', 'dueSoon', 'overdue', 'noDeadline', 'cancelled'];
    expect(classes.reduce((sum, k) => sum + value(k), 0)).toBe(stats.total);
    expect(value('noDeadline')).toBe(stats.byTimeliness.no_deadline);
    expect(value('cancelled')).toBe(stats.byTimeliness.cancelled);
    const strip = screen.getByRole('region', { name: 'Theo trạng thái' });
    const paused = within(strip).getByRole('button', {
      name: `Lọc theo trạng thái Tạm dừng: ${stats.byStatus.paused} nhiệm vụ`,
    });
    expect(stats.byStatus.paused).toBeGreaterThan(0);
    expect(paused).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows the key projects with progress, status and timeliness, and the recent updates (who, what, when)', async () => {
    renderApp('/');
    const board = await screen.findByRole('region', { name: /Công trình, dự án trọng điểm/ });
    const centre = await within(board).findByRole('link', { name: 'Xây dựng Trung tâm cây giống hoa kiểng' });
    const item = centre.closest('li') as HTMLElement;
    expect(item).toHaveTextContent('40%');
    expect(item).toHaveTextContent('Tạm dừng');
    expect(item).toHaveTextContent('Không có thời hạn');
    expect(centre).toHaveAttribute('href', '/tasks/t-000-11');
    const flagships = await (await fetch(apiUrl('/tasks?flagship=true&pageSize=1'))).json();
    expect(
      within(board).getByRole('link', { name: `Xem tất cả ${flagships.total} công trình trong bảng nhiệm vụ` }),
    ).toHaveAttribute('href', expect.stringContaining('flagship=true'));

    const recent = screen.getByRole('region', { name: 'Cập nhật gần đây' });
    const latest = await (await fetch(apiUrl('/updates?pageSize=1'))).json();
    const first = latest.items[0];
    await waitFor(() => expect(within(recent).getAllByRole('listitem').length).toBeGreaterThan(0));
    const top = within(recent).getAllByRole('listitem')[0] as HTMLElement;
    expect(top).toHaveTextContent(first.taskTitle);
    expect(top).toHaveTextContent(first.author);
  });

  it('names the tasks a search finds, with a link to them in the table', async () => {
    renderApp('/?q=cau+dinh+khao');
    const results = await screen.findByRole('region', { name: 'Kết quả tìm “cau dinh khao”' });
    expect(await within(results).findByRole('link', { name: 'Xây dựng cầu Đình Khao' })).toHaveAttribute(
      'href',
      '/tasks/t-000-09',
    );
    const found = (await (await fetch(apiUrl('/tasks?q=cau+dinh+khao&pageSize=1'))).json()).total as number;
    expect(results).toHaveTextContent(`${found} nhiệm vụ`);
    const table = found === 1 ? 'Mở trong bảng nhiệm vụ' : `Xem tất cả ${found} nhiệm vụ trong bảng`;
    expect(within(results).getByRole('link', { name: table })).toHaveAttribute('href', '/tasks?q=cau+dinh+khao');
  });

  it('switches to English, and <html lang> follows', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Tổng quan tiến độ nhiệm vụ' });
    await user.click(screen.getByRole('button', { name: /EN/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Progress overview' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('region', { name: 'Timeliness' })).toBeInTheDocument();
  });

  it('says clearly, in Vietnamese, when the API fails with a 500, and offers to retry', async () => {
    server.use(
      http.get('*/api/v1/stats', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Internal error', status: 500 },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp('/');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Máy chủ đang gặp sự cố (mã 500)');
    expect(screen.getAllByRole('button', { name: 'Thử lại' }).length).toBeGreaterThan(0);
    // The page itself still stands.
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });

  it('says the data is invalid when the body breaks the contract, without blanking the page', async () => {
    server.use(http.get('*/api/v1/stats', () => HttpResponse.json({ total: 'many', byTimeliness: null })));
    renderApp('/');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Máy chủ trả về dữ liệu không hợp lệ');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });

  it('says the data is invalid when the body is not JSON at all', async () => {
    server.use(
      http.get(
        '*/api/v1/stats',
        () => new HttpResponse('<html>oops', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    renderApp('/');
    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('dữ liệu không hợp lệ');
  });

  it('keeps the last good figures on screen when a refresh fails', async () => {
    const { queryClient } = renderApp('/');
    await waitFor(async () => expect(Number(await kpiValue(/Tổng số nhiệm vụ/))).toBeGreaterThanOrEqual(13));
    const before = await kpiValue(/Tổng số nhiệm vụ/);
    server.use(http.get('*/api/v1/stats', () => HttpResponse.json({ broken: true })));
    await queryClient.refetchQueries({ queryKey: ['stats'] });
    expect(await screen.findByText(/Đang hiển thị số liệu lúc/)).toBeInTheDocument();
    expect(await kpiValue(/Tổng số nhiệm vụ/)).toBe(before);
    expect(screen.getByRole('region', { name: 'Tình trạng thực hiện' }).querySelector('svg.chart-svg')).not.toBeNull();
  });

  it('shows empty states, not broken charts, when there are no tasks', async () => {
    server.use(
      http.get('*/api/v1/stats', () =>
        HttpResponse.json({
          asOf: '2026-11-26',
          total: 0,
          byTimeliness: {
            done_on_time: 0,
            done_late: 0,
            overdue: 0,
            due_soon: 0,
            on_track: 0,
            no_deadline: 0,
            cancelled: 0,
          },
          byStatus: { not_started: 0, in_progress: 0, paused: 0, done: 0, cancelled: 0 },
          byLocality: { era: 'post2025', parent: null, items: [] },
          byCategory: [],
          monthly: [],
          mostOverdue: [],
        }),
      ),
    );
    renderApp('/');
    expect((await screen.findAllByText('Không có nhiệm vụ nào để thống kê.')).length).toBe(4);
    expect(screen.getByText('Không có nhiệm vụ nào đang quá hạn.')).toBeInTheDocument();
  });

  it('drops a malformed era in the URL instead of failing', async () => {
    renderApp('/?era=1975');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tổng quan tiến độ nhiệm vụ' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Hiện nay/ })).toBeChecked();
  });
});
