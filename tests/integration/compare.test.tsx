/**
 * The locality comparison at /compare: the children of the chosen unit side by side, from GET /stats/compare, as a
 * ranked chart and a sortable table; drill-down; errors.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { CompareResult } from '../../src/api/compare-schemas';
import { apiUrl } from '../helpers';
import { renderApp } from '../render';

const table = () => screen.getByRole('table', { name: 'Bảng so sánh' });
const rowOf = (name: string) =>
  within(table())
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent?.startsWith(name)) as HTMLElement;

describe('compare localities', () => {
  it('serves GET /stats/compare under the contract, with the same filters as /stats', async () => {
    const res = await fetch(apiUrl('/stats/compare?locality=83&era=pre2025'));
    expect(res.status).toBe(200);
    const body = CompareResult.parse(await res.json());
    expect(body.parent?.name).toBe('Tỉnh Bến Tre');
    const choLach = body.items.find((i) => i.code === '832');
    expect(choLach?.total).toBeGreaterThanOrEqual(13);
    const stats = await (await fetch(apiUrl('/stats?locality=83&era=pre2025'))).json();
    expect(stats.byLocality.items.find((b: { code: string }) => b.code === '832')?.total).toBe(choLach?.total);

    const bad = await fetch(apiUrl('/stats/compare?locality=99999'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].name).toBe('locality');
    const badStatus = await fetch(apiUrl('/stats/compare?status=bogus'));
    expect(badStatus.status).toBe(400);
  });

  it("puts Bến Tre's districts side by side, and the figures are the API's", async () => {
    renderApp('/compare?locality=83&era=pre2025');
    expect(await screen.findByRole('heading', { level: 1, name: 'So sánh địa phương' })).toBeInTheDocument();
    expect(
      await screen.findByText('Các đơn vị thuộc Tỉnh Bến Tre, đặt cạnh nhau theo bộ lọc đang chọn.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(rowOf('Chợ Lách')).toBeDefined());
    const body = CompareResult.parse(await (await fetch(apiUrl('/stats/compare?locality=83&era=pre2025'))).json());
    const choLach = body.items.find((i) => i.code === '832');
    const cells = within(rowOf('Chợ Lách')).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(String(choLach?.total));
    expect(cells[1]).toHaveTextContent(`${Math.round((choLach?.completionRate ?? 0) * 100)}%`);
    // Every district with a matching task is listed; those without are counted, one click away.
    const withTasks = body.items.filter((i) => i.total > 0 && i.code !== '*');
    const without = body.items.filter((i) => i.total === 0);
    for (const item of withTasks) expect(rowOf(item.name), item.name).toBeDefined();
    for (const item of without) expect(rowOf(item.name), item.name).toBeUndefined();
    if (without.length > 0) {
      await userEvent.setup().click(screen.getByRole('button', { name: `Hiện cả ${without.length} đơn vị` }));
      for (const item of without) expect(rowOf(item.name), item.name).toBeDefined();
    }
    // The ranked chart, with its text alternative.
    const chart = screen.getByRole('region', { name: 'Xếp hạng theo Số nhiệm vụ' });
    await waitFor(() => expect(chart.querySelector('svg.recharts-surface')).not.toBeNull());
    expect(within(chart).getByRole('table', { hidden: true })).toHaveTextContent('Chợ Lách');
  });

  it('sorts by a column (and ranks the chart by it), in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/compare?locality=83&era=pre2025');
    await waitFor(() => expect(rowOf('Chợ Lách')).toBeDefined());
    const total = within(table()).getByRole('columnheader', { name: /Số nhiệm vụ/ });
    expect(total).toHaveAttribute('aria-sort', 'descending');
    // Largest first: the first row has the most tasks.
    const first = () => within(table()).getAllByRole('rowheader')[0]?.textContent ?? '';
    expect(first()).toContain('Chợ Lách');

    await user.click(within(table()).getByRole('button', { name: /Đơn vị/ }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: 'name' }));
    await waitFor(() => expect(first()).toContain('Ba Tri'));
    expect(within(table()).getByRole('columnheader', { name: /Đơn vị/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(table()).getByRole('button', { name: /Tỷ lệ hoàn thành/ }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: '-completionRate' }));
    expect(await screen.findByRole('region', { name: 'Xếp hạng theo Tỷ lệ hoàn thành' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Xếp hạng theo' }), 'Số nhiệm vụ quá hạn');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: '-overdue' }));
    expect(await screen.findByRole('region', { name: 'Xếp hạng theo Số nhiệm vụ quá hạn' })).toBeInTheDocument();
  });

  it('drills into a unit with children', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/compare?locality=83&era=pre2025');
    await waitFor(() => expect(rowOf('Chợ Lách')).toBeDefined());
    await user.click(within(rowOf('Chợ Lách')).getByRole('button', { name: /Chợ Lách/ }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ locality: '832', era: 'pre2025' }));
    expect(
      await screen.findByText('Các đơn vị thuộc Huyện Chợ Lách, đặt cạnh nhau theo bộ lọc đang chọn.'),
    ).toBeInTheDocument();
    // Its communes: those with tasks, and the others on request.
    await waitFor(() => expect(screen.getByText(/^Đang ẩn \d+ đơn vị không có nhiệm vụ/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: /^Hiện cả \d+ đơn vị$/ }));
    await waitFor(() => expect(rowOf('Hòa Nghĩa')).toBeDefined());
  });

  it('compares a commune (no units of its own) with its neighbours, the chosen one marked', async () => {
    renderApp('/compare?locality=28870');
    expect(
      await screen.findByText(
        'Xã Chợ Lách không có đơn vị trực thuộc: so sánh với các đơn vị cùng cấp thuộc Tỉnh Vĩnh Long.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(rowOf('Chợ Lách')).toBeDefined());
    expect(rowOf('Chợ Lách')).toHaveAttribute('aria-current', 'true');
    expect(within(table()).getAllByRole('rowheader').length).toBeGreaterThan(2);
  });

  it('compares provinces when no unit is chosen, and says how to compare a province’s units', async () => {
    renderApp('/compare');
    expect(await screen.findByText(/Chọn một tỉnh hoặc một huyện/)).toBeInTheDocument();
    await waitFor(() => expect(rowOf('Vĩnh Long')).toBeDefined());
    // Only the provinces with tasks (not 25 rows of "0 —"); all 34 on request.
    const body = CompareResult.parse(await (await fetch(apiUrl('/stats/compare'))).json());
    const withTasks = body.items.filter((i) => i.total > 0).length;
    expect(withTasks).toBeLessThan(34);
    expect(within(table()).getAllByRole('rowheader')).toHaveLength(withTasks);
    await userEvent.setup().click(screen.getByRole('button', { name: `Hiện cả ${34 - withTasks} đơn vị` }));
    await waitFor(() => expect(within(table()).getAllByRole('rowheader')).toHaveLength(34));
  });

  it('shows the error in words with a retry, and keeps the page', async () => {
    server.use(
      http.get('*/api/v1/stats/compare', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Unavailable', status: 503 },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp('/compare');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Máy chủ đang gặp sự cố (mã 503)');
    expect(screen.getAllByRole('button', { name: 'Thử lại' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });
});
