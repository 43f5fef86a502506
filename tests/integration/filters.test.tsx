/**
 * The filter bar as a user meets it: URL ⇄ filter state ⇄ the API's query parameters, on the overview and the task
 * list, including shared links with malformed or stale values.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { parseSearch, stringifySearch } from '../../src/app/search';
import { apiUrl } from '../helpers';
import { renderApp } from '../render';

/** Every API request the app makes, as URL objects. */
let requests: URL[] = [];
const record = ({ request }: { request: Request }) => {
  requests.push(new URL(request.url));
};
beforeEach(() => {
  requests = [];
  server.events.on('request:start', record);
});
afterEach(() => {
  server.events.removeListener('request:start', record);
});

/** The query of the most recent request to `path` (e.g. '/api/v1/stats'). */
function lastQuery(path: string): URLSearchParams | undefined {
  return [...requests].reverse().find((u) => u.pathname === path)?.searchParams;
}

async function waitForQuery(path: string, check: (q: URLSearchParams) => boolean) {
  await waitFor(() => {
    const q = lastQuery(path);
    expect(q && check(q), `a ${path} request matching the filters (last: ${q?.toString()})`).toBe(true);
  });
}

/** The validated search of the screen shown (lists as arrays). */
function searchOf(router: ReturnType<typeof renderApp>['router']): Record<string, unknown> {
  return (router.state.matches.at(-1)?.search ?? {}) as Record<string, unknown>;
}

const filterBar = () => screen.getByRole('region', { name: 'Bộ lọc' });
const chips = () => within(filterBar()).queryByRole('list', { name: 'Bộ lọc đang áp dụng' });

describe('URL → filters → API', () => {
  it('reads every filter from a link, shows it as a chip and sends it to the API under the same name', async () => {
    const { router } = renderApp(
      '/?status=in_progress&status=done&timeliness=overdue&locality=832&era=pre2025&category=infrastructure' +
        '&q=c%E1%BA%A7u&flagship=true&deadlineFrom=2022-04-01&deadlineTo=2022-06-30&issuer=UBND+t%E1%BB%89nh',
    );
    await waitForQuery('/api/v1/stats', (q) => q.get('locality') === '832');
    const q = lastQuery('/api/v1/stats');
    expect(q?.getAll('status')).toEqual(['in_progress', 'done']);
    expect(q?.getAll('timeliness')).toEqual(['overdue']);
    expect(q?.get('era')).toBe('pre2025');
    expect(q?.getAll('category')).toEqual(['infrastructure']);
    expect(q?.get('q')).toBe('cầu');
    expect(q?.get('flagship')).toBe('true');
    expect(q?.get('deadlineFrom')).toBe('2022-04-01');
    expect(q?.get('deadlineTo')).toBe('2022-06-30');
    expect(q?.getAll('issuer')).toEqual(['UBND tỉnh']);

    const list = await waitFor(() => {
      const l = chips();
      expect(l).not.toBeNull();
      return l as HTMLElement;
    });
    const names = () =>
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent);
    await waitFor(() => expect(names()).toContain('Địa bàn: Bến Tre › Chợ Lách×'));
    expect(names()).toEqual(
      expect.arrayContaining([
        'Từ khóa: “cầu”×',
        'Trạng thái: Đang thực hiện×',
        'Trạng thái: Hoàn thành×',
        'Tình trạng: Đang thực hiện quá hạn×',
        'Lĩnh vực: Hạ tầng, giao thông×',
        'Cấp giao: UBND tỉnh×',
        'Nhiệm vụ trọng điểm×',
        'Thời hạn: quý II/2022×',
      ]),
    );
    // The form controls show the same state.
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('cầu');
    expect(screen.getByRole('radio', { name: /Trước 1\/7\/2025/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Chỉ nhiệm vụ trọng điểm' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Thời hạn' })).toHaveDisplayValue('quý II/2022');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Quận, huyện' })).toHaveDisplayValue('Chợ Lách'));
    // Nothing was dropped: no notice.
    expect(searchOf(router)).toMatchObject({ locality: ['832'], status: ['in_progress', 'done'] });
    expect(screen.queryByText(/Liên kết có giá trị không hợp lệ/)).toBeNull();
  });

  it('writes changes to the URL as plain repeated parameters, and the API follows', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Tổng quan tiến độ nhiệm vụ' });

    await user.click(within(filterBar()).getByRole('button', { name: /^Tình trạng/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Đang thực hiện quá hạn' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sắp đến hạn' }));
    await waitFor(() => expect(router.state.location.searchStr).toBe('?timeliness=overdue&timeliness=due_soon'));
    await waitForQuery('/api/v1/stats', (q) => q.getAll('timeliness').join() === 'overdue,due_soon');
    await user.keyboard('{Escape}');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Thời hạn' }), 'quý II/2022');
    await waitFor(() =>
      expect(searchOf(router)).toMatchObject({ deadlineFrom: '2022-04-01', deadlineTo: '2022-06-30' }),
    );
    await waitForQuery('/api/v1/stats', (q) => q.get('deadlineTo') === '2022-06-30');

    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'cau dinh khao');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ q: 'cau dinh khao' }));
    await waitForQuery('/api/v1/stats', (q) => q.get('q') === 'cau dinh khao');
    expect(router.state.location.searchStr).toContain('q=cau+dinh+khao');

    // A chip removes its filter; clear-all removes the rest.
    await user.click(screen.getByRole('button', { name: 'Bỏ lọc Tình trạng: Sắp đến hạn' }));
    await waitFor(() => expect(searchOf(router)).toMatchObject({ timeliness: ['overdue'] }));
    await user.click(screen.getByRole('button', { name: 'Xóa tất cả bộ lọc' }));
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));
    expect(await screen.findByText('Chưa lọc: đang xem tất cả nhiệm vụ.')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('');
  });

  it('shows and takes the deadline range day first (dd/mm/yyyy), whatever the browser’s language', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?deadlineFrom=2022-04-02&deadlineTo=2022-06-30');
    await screen.findByRole('heading', { level: 1, name: 'Tổng quan tiến độ nhiệm vụ' });
    const toggle = within(filterBar()).getByRole('button', { name: /^Bộ lọc/ });
    if (toggle.getAttribute('aria-expanded') === 'false') await user.click(toggle);
    const from = await screen.findByRole('textbox', { name: 'Từ ngày' });
    const to = screen.getByRole('textbox', { name: 'Đến ngày' });
    expect(from).toHaveValue('02/04/2022');
    expect(to).toHaveValue('30/06/2022');

    await user.clear(from);
    await user.type(from, '15/5/2022');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ deadlineFrom: '2022-05-15' }));
    await user.tab();
    expect(from).toHaveValue('15/05/2022');

    // No such day: the field says so, and the filter takes no end from it (emptying the field removed the old one).
    await user.clear(to);
    await user.type(to, '31/06/2022');
    await user.tab();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Ngày chưa đúng: gõ ngày/tháng/năm, ví dụ 30/06/2022.')).toBeInTheDocument();
    expect(searchOf(router)).toMatchObject({ deadlineFrom: '2022-05-15' });
    expect(searchOf(router)).not.toHaveProperty('deadlineTo');
  });

  it('goes back and forward through filter changes', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(filterBar()).getByRole('button', { name: /^Lĩnh vực/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Kinh tế' }));
    await waitFor(() => expect(router.state.location.searchStr).toBe('?category=economy'));
    await user.click(screen.getByRole('checkbox', { name: 'Nông nghiệp' }));
    await waitFor(() => expect(router.state.location.searchStr).toBe('?category=economy&category=agriculture'));

    act(() => router.history.back());
    await waitFor(() => expect(router.state.location.searchStr).toBe('?category=economy'));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Nông nghiệp' })).not.toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Kinh tế' })).toBeChecked();

    act(() => router.history.forward());
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Nông nghiệp' })).toBeChecked());
  });

  it('finds a unit with folded Vietnamese (cho lach), shows its path and what it became after the reform', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('radio', { name: /Trước 1\/7\/2025/ }));
    const box = screen.getByRole('combobox', { name: 'Tìm địa bàn' });
    await user.type(box, 'cho lach');
    // The first search folds every unit name once: allow it time.
    await screen.findByRole('option', { name: /Huyện Chợ Lách.*Bến Tre/ }, { timeout: 8000 });
    // The search is debounced: let it settle, inside act so the last results render before the test goes on.
    await act(() => new Promise((r) => setTimeout(r, 400)));
    const option = await screen.findByRole('option', { name: /Huyện Chợ Lách.*Bến Tre/ });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    // Keyboard: down to the district, Enter to choose.
    const options = within(screen.getByRole('listbox', { name: 'Tìm địa bàn' })).getAllByRole('option');
    for (let i = 0; i <= options.indexOf(option); i += 1) await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['832'], era: 'pre2025' }));
    expect(await screen.findByText('Đang chọn: Bến Tre › Chợ Lách')).toBeInTheDocument();
    expect(
      await screen.findByText(/Từ 1\/7\/2025, Huyện Chợ Lách thuộc .*Xã Chợ Lách.*\(Tỉnh Vĩnh Long\)/),
    ).toBeInTheDocument();
    await waitForQuery('/api/v1/stats', (q) => q.get('locality') === '832' && q.get('era') === 'pre2025');

    // Today's units of the former district, in one click.
    await user.click(screen.getByRole('button', { name: 'Lọc theo đơn vị hiện nay' }));
    await waitFor(() => {
      const s = searchOf(router) as { locality?: string[]; era?: string };
      expect(s.era).toBeUndefined();
      expect(s.locality?.length).toBeGreaterThanOrEqual(4);
    });
    // The first search folds every unit name of both eras once; on a loaded machine that takes a while.
  }, 40_000);

  it('in today’s units, also offers the former district by name, and picking it finds its tasks of both eras', async () => {
    // Its 13 tasks of 2022 (filed under the district) and those filed since under its successor communes; read
    // before rendering, so no request of the test's own runs while the app's answers update the page outside act.
    const total = (await (await fetch(apiUrl('/stats?locality=832&era=pre2025'))).json()).total as number;
    expect(total).toBeGreaterThan(13);
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    const box = screen.getByRole('combobox', { name: 'Tìm địa bàn' });
    await user.type(box, 'cho lach');
    // Today's commune first, then the former district, said to be former and where it is now.
    // Options are read from the list's DOM (role queries over the whole overview are slow in jsdom).
    const former = await waitFor(
      () => {
        const options = [...document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')];
        expect(options[0]).toHaveTextContent(/^Xã Chợ Lách/);
        const found = options.find((o) => o.textContent?.startsWith('Huyện Chợ Lách'));
        expect(found).toHaveTextContent('Huyện Chợ Lách — trước 1/7/2025, nay thuộc Tỉnh Vĩnh Long');
        return found as HTMLElement;
      },
      { timeout: 10_000 },
    );
    await user.click(former);
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['832'], era: 'pre2025' }));
    await waitForQuery('/api/v1/stats', (q) => q.get('locality') === '832' && q.get('era') === 'pre2025');
    await waitFor(() =>
      expect(document.querySelector('[data-kpi="total"] .kpi-value')?.textContent).toBe(String(total)),
    );
    // The first search folds every unit name of both eras once; on a loaded machine that takes a while.
  }, 40_000);

  it('picks province → district → commune with the selects, in the era chosen', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?era=pre2025');
    await screen.findByRole('heading', { level: 1 });
    const province = screen.getByRole('combobox', { name: 'Tỉnh, thành phố' });
    await waitFor(() => expect(within(province).getByRole('option', { name: 'Bến Tre' })).toBeInTheDocument());
    await user.selectOptions(province, 'Bến Tre');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['83'] }));
    const district = screen.getByRole('combobox', { name: 'Quận, huyện' });
    await waitFor(() => expect(within(district).getByRole('option', { name: 'Chợ Lách' })).toBeInTheDocument());
    await user.selectOptions(district, 'Chợ Lách');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['832'] }));
    const commune = screen.getByRole('combobox', { name: 'Xã, phường' });
    await waitFor(() => expect(within(commune).getAllByRole('option').length).toBeGreaterThan(5));
    // "All" at a level goes back to the level above.
    await user.selectOptions(district, '— Tất cả —');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['83'] }));

    // Today's units have two levels: no district select.
    await user.click(screen.getByRole('radio', { name: /Hiện nay/ }));
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['86'] }));
    expect(screen.queryByRole('combobox', { name: 'Quận, huyện' })).toBeNull();
  });
});

describe('shared links with bad values', () => {
  it('drops each malformed value on its own, tells the user what was dropped, and cleans the address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(
      '/tasks?status=done&status=bogus&timeliness=overdue&locality=abc&era=1975&deadlineFrom=2022-13-45&flagship=maybe&sort=sideways',
    );
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('Liên kết có giá trị không hợp lệ, đã được bỏ qua:');
    for (const text of [
      'Trạng thái = “bogus”',
      'Địa bàn = “abc”',
      'Đơn vị hành chính = “1975”',
      'Thời hạn từ = “2022-13-45”',
      'Trọng điểm = “maybe”',
      'Sắp xếp = “sideways”',
    ]) {
      expect(notice).toHaveTextContent(text);
    }
    // The valid values stay, in the view and in the request; the address no longer carries the bad ones.
    await waitFor(() => expect(router.state.location.searchStr).toBe('?status=done&timeliness=overdue'));
    await waitForQuery(
      '/api/v1/tasks',
      (q) => q.getAll('status').join() === 'done' && q.get('timeliness') === 'overdue',
    );
    expect(lastQuery('/api/v1/tasks')?.has('locality')).toBe(false);
    expect(screen.getByRole('heading', { level: 1, name: 'Danh sách nhiệm vụ' })).toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Đóng thông báo' }));
    expect(screen.queryByText(/Liên kết có giá trị không hợp lệ/)).toBeNull();
  });

  it('drops a stale locality code (no unit has it in either era) with a notice', async () => {
    const { router } = renderApp('/?locality=99999&locality=83&era=pre2025');
    const notice = await screen.findByRole('alert');
    await waitFor(() =>
      expect(notice).toHaveTextContent('Địa bàn = “99999” (không có đơn vị hành chính nào mang mã này)'),
    );
    await waitFor(() => expect(router.state.location.searchStr).toBe('?locality=83&era=pre2025'));
    await waitForQuery('/api/v1/stats', (q) => q.getAll('locality').join() === '83');
  });

  it('says it in English too', async () => {
    renderApp('/?timeliness=late', { language: 'en' });
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('The link had invalid values, which were ignored:');
    expect(notice).toHaveTextContent('Timeliness = “late” (not a valid value)');
  });
});

describe('drill-down on the overview', () => {
  it('applies a filter from a KPI tile (a toggle button) and from the charts’ selects', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    const kpis = await screen.findByRole('region', { name: 'Chỉ số chính' });
    const overdue = within(kpis).getByRole('button', { name: /Đang thực hiện quá hạn/ });
    await user.click(overdue);
    await waitFor(() => expect(searchOf(router)).toMatchObject({ timeliness: ['overdue'] }));
    await waitFor(() => expect(overdue).toHaveAttribute('aria-pressed', 'true'));
    await waitForQuery('/api/v1/stats', (q) => q.get('timeliness') === 'overdue');
    // Again: the filter goes.
    await user.click(overdue);
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Lọc theo lĩnh vực' })).toBeInTheDocument());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lọc theo lĩnh vực' }), 'Hạ tầng, giao thông');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ category: ['infrastructure'] }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Xem theo đơn vị' }), 'Vĩnh Long');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ locality: ['86'] }));
    // The locality chart now breaks Vĩnh Long down into its units.
    expect(await screen.findByRole('region', { name: /Theo đơn vị thuộc Tỉnh Vĩnh Long/ })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Lọc theo tình trạng' }), 'Hoàn thành đúng hạn');
    await waitFor(() => expect(searchOf(router)).toMatchObject({ timeliness: ['done_on_time'] }));
  });

  it('keeps the filters when moving to the task list through the navigation', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?locality=832&era=pre2025');
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('link', { name: 'Nhiệm vụ' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    expect(searchOf(router)).toMatchObject({ locality: ['832'], era: 'pre2025' });
    await waitForQuery('/api/v1/tasks', (q) => q.get('locality') === '832');
  });
});

describe('search param serialisation', () => {
  it('round-trips filter values as plain text and leaves other params to the router’s JSON', () => {
    const search = { locality: ['832', '01'], q: 'cầu Đình Khao', era: 'pre2025', page: 2, sort: '-title' };
    const str = stringifySearch(search);
    expect(str).toBe('?locality=832&locality=01&q=c%E1%BA%A7u+%C4%90%C3%ACnh+Khao&era=pre2025&sort=-title&page=2');
    expect(parseSearch(str)).toEqual({ ...search });
    expect(parseSearch('?locality=832')).toEqual({ locality: '832' });
    expect(stringifySearch({ status: [], q: '' })).toBe('');
  });
});
