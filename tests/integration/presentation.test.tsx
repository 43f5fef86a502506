/**
 * The presentation route (/present) as an operator drives it: the whole app with Testing Library, the mock API behind
 * MSW, the keyboard, the settings panel and the URL; fake timers where the show's clock matters.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { addTask, apiUrl } from '../helpers';
import { renderApp } from '../render';

const failing = () =>
  HttpResponse.json(
    { type: 'about:blank', title: 'Internal error', status: 500 },
    { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** The slide on screen: its region (labelled "Trang i/n: …") and its h1. */
async function currentSlide() {
  const heading = await screen.findByRole('heading', { level: 1 });
  const region = heading.closest('section');
  if (!region) throw new Error('slide region not found');
  return { heading, region, kind: region.getAttribute('data-slide-kind') };
}

async function waitForKind(kind: string) {
  await waitFor(() => expect(document.querySelector('[data-slide-kind]')?.getAttribute('data-slide-kind')).toBe(kind));
}

function counter() {
  return document.querySelector('.p-counter')?.textContent ?? '';
}

function search(router: ReturnType<typeof renderApp>['router']): URLSearchParams {
  return new URLSearchParams(router.state.location.searchStr);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('presentation: first screen and data', () => {
  it('opens full-bleed (no app header or footer), with a calm title slide, then the key figures', async () => {
    renderApp('/present');
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).not.toBeInTheDocument();
    expect(screen.queryByRole('contentinfo', { name: /giấy phép/ })).not.toBeInTheDocument();
    // Before the first figures: the title slide says what is happening, not a spinner alone.
    expect(await screen.findByText('Đang tải số liệu…')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Trình chiếu tiến độ nhiệm vụ chỉ đạo');
    await waitForKind('kpi');
    const { heading, region } = await currentSlide();
    expect(heading).toHaveTextContent('Chỉ số chính');
    expect(region).toHaveAccessibleName(/^Trang 1\/\d+: Chỉ số chính$/);
    const total = region.querySelector('[data-kpi="total"] .p-kpi-value')?.textContent ?? '';
    expect(Number(total.replace(/\D/g, ''))).toBeGreaterThanOrEqual(13);
    expect(within(region).getByText('Tất cả địa bàn')).toBeInTheDocument();
    expect(within(region).getByText('Tính đến ngày 26/11/2026')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '' })).toBeDefined();
    expect(screen.getByText(/^Số liệu lúc \d{2}:\d{2}$/)).toBeInTheDocument();
    expect(document.querySelector('.present')).toHaveAttribute('data-theme', 'dark');
  });

  it('shows every value on the donut slide in words and numbers (nothing needs a hover)', async () => {
    const { queryClient } = renderApp('/present?slides=donut&paused=true');
    await waitForKind('donut');
    const region = (await currentSlide()).region;
    const stats = queryClient.getQueriesData<{ total: number; byTimeliness: Record<string, number> }>({
      queryKey: ['stats'],
    })[0]?.[1];
    expect(stats).toBeDefined();
    const items = within(region).getAllByRole('listitem');
    const overdue = items.find((li) => li.getAttribute('data-timeliness') === 'overdue');
    expect(overdue).toHaveTextContent('Đang thực hiện quá hạn');
    expect(overdue).toHaveTextContent(String(stats?.byTimeliness.overdue));
    expect(region.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('says on every page of the overdue list where it stops, and links to all overdue tasks', async () => {
    // More overdue tasks than the list holds.
    for (let i = 1; i <= 6; i++) {
      addTask({ id: `late-${i}`, deadline: { date: '2025-10-31', text: 'tháng 10/2025' } });
    }
    const user = userEvent.setup();
    renderApp('/present?slides=overdue&paused=true');
    await waitForKind('overdue');
    const stats = await (await fetch(apiUrl('/stats'))).json();
    expect(stats.byTimeliness.overdue).toBeGreaterThan(stats.mostOverdue.length);
    const pages = Number(counter().split('/')[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const { region } = await currentSlide();
      await waitFor(() =>
        expect(region).toHaveTextContent(
          `Phần ${page}/${pages} · Danh sách dừng ở ${stats.mostOverdue.length} nhiệm vụ quá hạn lâu nhất trong tổng số ${stats.byTimeliness.overdue}.`,
        ),
      );
      expect(
        within(region).getByRole('link', { name: `Xem đủ ${stats.byTimeliness.overdue} nhiệm vụ trong bảng` }),
      ).toHaveAttribute('href', expect.stringMatching(/^\/tasks\?.*timeliness=overdue/));
      await user.keyboard('{ArrowRight}');
    }
  });

  it('gives each flagship project its own slide: the Đình Khao bridge with its quote and “no set deadline”', async () => {
    const user = userEvent.setup();
    renderApp('/present?slides=flagship&paused=true');
    await waitForKind('flagship');
    const titles = new Set<string>();
    const total = Number(counter().split('/')[1]);
    expect(total).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < total; i++) {
      titles.add((await currentSlide()).heading.textContent ?? '');
      await user.keyboard('{ArrowRight}');
    }
    for (const title of [
      'Xây dựng cầu Đình Khao',
      'Xây dựng Trung tâm cây giống hoa kiểng',
      'Thực hiện Đề án Làng văn hóa du lịch Chợ Lách',
    ]) {
      expect(titles).toContain(title);
    }
    // Go to the bridge and read its spotlight.
    while ((await currentSlide()).heading.textContent !== 'Xây dựng cầu Đình Khao') await user.keyboard('{ArrowRight}');
    const region = (await currentSlide()).region;
    expect(within(region).getByText('“xây dựng cầu Đình Khao”')).toBeInTheDocument();
    expect(within(region).getByText('Không có thời hạn cụ thể')).toBeInTheDocument();
    expect(within(region).getByText('95%')).toBeInTheDocument();
    expect(within(region).getByText('Cập nhật lần cuối').nextElementSibling).toHaveTextContent('28/10/2025');
    await waitFor(() =>
      expect(
        within(region).getByText(/Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách/),
      ).toBeVisible(),
    );
  });

  it('applies the shared filters to the whole show and rotates through the chosen locality’s units', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/present?locality=83&era=pre2025&slides=kpi,ranking,localities&paused=true');
    await waitForKind('kpi');
    await waitFor(async () => expect(within((await currentSlide()).region).getByText('Bến Tre')).toBeInTheDocument());
    expect(search(router).get('locality')).toBe('83');
    await user.keyboard('{ArrowRight}');
    await waitForKind('ranking');
    const ranking = (await currentSlide()).region;
    expect(ranking).toHaveTextContent('Tỉnh Bến Tre');
    expect(within(ranking).getByText('Chợ Lách')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    await waitForKind('localities');
    const unit = await currentSlide();
    expect(unit.region).toHaveTextContent(/Địa bàn 1\/\d+ · Tỉnh Bến Tre/);
    // The unit's own figures load: its total tile shows a number no larger than the province's.
    await waitFor(() =>
      expect(unit.region.querySelector('[data-kpi="total"] .p-kpi-value')?.textContent).toMatch(/^\d+$/),
    );
    // Every unit of the rotation has its slide: Chợ Lách among them.
    const names: string[] = [];
    const count = Number(counter().split('/')[1]) - 2;
    for (let i = 0; i < count; i++) {
      names.push((await currentSlide()).heading.textContent ?? '');
      await user.keyboard('{ArrowRight}');
    }
    expect(names).toContain('Chợ Lách');
  });
  it('fetches only the units on screen and next, not the whole rotation at once', async () => {
    const user = userEvent.setup();
    const requested = new Set<string>();
    const listener = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/stats')) requested.add(url.searchParams.getAll('locality').join(','));
    };
    server.events.on('request:start', listener);
    try {
      renderApp('/present?locality=83&era=pre2025&slides=localities&paused=true');
      await waitForKind('localities');
      const total = Number(counter().split('/')[1]);
      expect(total).toBeGreaterThan(2);
      await waitFor(() => expect([...requested].filter((c) => c !== '83')).toHaveLength(2));
      await user.keyboard('{ArrowRight}');
      await waitFor(() => expect([...requested].filter((c) => c !== '83')).toHaveLength(3));
    } finally {
      server.events.removeListener('request:start', listener);
    }
  });
});

describe('presentation: keyboard', () => {
  it('moves with the arrows, PageUp/PageDown (clickers), Home and End, and loops', async () => {
    const user = userEvent.setup();
    renderApp('/present?slides=kpi,donut,ranking&paused=true');
    await waitForKind('kpi');
    expect(counter()).toBe('1/3');
    await user.keyboard('{ArrowRight}');
    await waitForKind('donut');
    await user.keyboard('{PageDown}');
    await waitForKind('ranking');
    await user.keyboard('{ArrowRight}');
    await waitForKind('kpi'); // loops
    await user.keyboard('{ArrowLeft}');
    await waitForKind('ranking');
    await user.keyboard('{PageUp}');
    await waitForKind('donut');
    await user.keyboard('{Home}');
    await waitForKind('kpi');
    await user.keyboard('{End}');
    await waitForKind('ranking');
    expect(counter()).toBe('3/3');
  });

  it('pauses and resumes with Space, writing the state to the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/present?slides=kpi,donut');
    await waitForKind('kpi');
    expect(screen.getByRole('button', { name: 'Tạm dừng' })).toBeInTheDocument();
    await user.keyboard(' ');
    await waitFor(() => expect(search(router).get('paused')).toBe('true'));
    expect(screen.getByRole('button', { name: 'Tiếp tục chạy' })).toBeInTheDocument();
    expect(screen.getByText('Đang tạm dừng')).toBeInTheDocument();
    await user.keyboard(' ');
    await waitFor(() => expect(search(router).has('paused')).toBe(false));
    expect(screen.getByRole('button', { name: 'Tạm dừng' })).toBeInTheDocument();
  });

  it('reaches every control with Tab, and Space on a focused button presses that button only', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/present?slides=kpi,donut&paused=true');
    await waitForKind('kpi');
    const toolbar = screen.getByRole('toolbar', { name: 'Điều khiển trình chiếu' });
    const next = within(toolbar).getByRole('button', { name: 'Trang sau' });
    next.focus();
    await user.keyboard(' ');
    await waitForKind('donut');
    expect(search(router).get('paused')).toBe('true'); // Space pressed the button, it did not toggle the pause
    for (const name of [
      'Trang trước',
      'Tiếp tục chạy',
      'Tùy chỉnh trình chiếu',
      'Toàn màn hình',
      'Thoát trình chiếu',
    ]) {
      expect(within(toolbar).getByRole('button', { name })).toBeEnabled();
    }
  });
});

describe('presentation: the clock', () => {
  it('advances on its own after the slide duration, and not while paused', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const { router } = renderApp('/present?slides=kpi,donut,ranking&duration=5');
    await waitForKind('kpi');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_300);
    });
    await waitForKind('donut');
    expect(counter()).toBe('2/3');
    // Pause (Space), then time passes: the slide stays.
    fireEvent.keyDown(window, { key: ' ' });
    await waitFor(() => expect(search(router).get('paused')).toBe('true'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(12_000);
    });
    expect(document.querySelector('[data-slide-kind]')?.getAttribute('data-slide-kind')).toBe('donut');
    // Resume: it moves on again.
    fireEvent.keyDown(window, { key: ' ' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_300);
    });
    await waitForKind('ranking');
  });

  it('keeps the last good figures with a discreet stale marker when a refresh fails, and recovers', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    renderApp('/present?slides=kpi&refresh=10&paused=true');
    await waitForKind('kpi');
    const totalBefore = document.querySelector('[data-kpi="total"] .p-kpi-value')?.textContent;
    expect(totalBefore).toMatch(/\d/);
    const dataAt = screen.getByText(/^Số liệu lúc (\d{2}:\d{2})$/).textContent?.slice(-5);

    server.use(http.get('*/api/v1/stats', failing));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_500);
    });
    const marker = await screen.findByText(`Mất kết nối — đang hiển thị số liệu lúc ${dataAt}`);
    expect(marker.closest('[role="status"]')).not.toBeNull();
    expect(document.querySelector('[data-kpi="total"] .p-kpi-value')?.textContent).toBe(totalBefore);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // The show keeps retrying on its interval: once the API answers again, the marker goes.
    server.resetHandlers();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_500);
    });
    await waitFor(() => expect(screen.queryByText(/Mất kết nối/)).not.toBeInTheDocument());
    expect(screen.getByText(/^Số liệu lúc \d{2}:\d{2}$/)).toBeInTheDocument();
  });

  it('when the very first load fails, shows the title slide saying it is retrying, then the show', async () => {
    // The clock moves only when the test moves it, inside act(): the show's retries and its freshness ticker then
    // never update the page behind React's back (advancing on its own, a timer fired between two statements).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    server.use(http.get('*/api/v1/stats', failing));
    renderApp('/present?refresh=10');
    const retrying = () => screen.queryByText('Chưa kết nối được máy chủ số liệu — đang thử lại…');
    await advanceUntil(() => retrying() !== null);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Trình chiếu tiến độ nhiệm vụ chỉ đạo');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    server.resetHandlers();
    await advanceUntil(() => document.querySelector('[data-slide-kind]')?.getAttribute('data-slide-kind') === 'kpi');
  });
});

/** The real setTimeout, whatever the test fakes. */
const realSetTimeout = globalThis.setTimeout;

/**
 * Moves the fake clock on in small steps, each inside act() and each followed by a few real milliseconds (the mock
 * API's answers, lazy modules), until `done()` holds; fails after `maxMs` of page time.
 */
async function advanceUntil(done: () => boolean, maxMs = 30_000, stepMs = 100): Promise<void> {
  for (let elapsed = 0; elapsed <= maxMs; elapsed += stepMs) {
    if (done()) return;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(stepMs);
      await new Promise((resolve) => realSetTimeout(resolve, 5));
    });
  }
  throw new Error(`not reached after ${maxMs} ms of page time`);
}

describe('presentation: settings in the URL', () => {
  it('reproduces a bookmarked show: slides and order, theme, duration, ranking', async () => {
    const user = userEvent.setup();
    renderApp('/present?slides=ranking,kpi&theme=light&duration=30&rank=overdue&paused=true');
    await waitForKind('ranking');
    expect((await currentSlide()).heading).toHaveTextContent('Xếp hạng theo số nhiệm vụ quá hạn');
    expect(counter()).toBe('1/2');
    expect(document.querySelector('.present')).toHaveAttribute('data-theme', 'light');
    await user.click(screen.getByRole('button', { name: 'Tùy chỉnh trình chiếu' }));
    const panel = screen.getByRole('dialog', { name: 'Tùy chỉnh trình chiếu' });
    expect(within(panel).getByLabelText(/Thời gian mỗi trang/)).toHaveValue(30);
    expect(within(panel).getByRole('radio', { name: 'Nền sáng' })).toBeChecked();
    expect(within(panel).getByRole('radio', { name: 'Số nhiệm vụ quá hạn' })).toBeChecked();
    expect(within(panel).getByRole('checkbox', { name: 'Xếp hạng địa bàn' })).toBeChecked();
    expect(within(panel).getByRole('checkbox', { name: 'Tình trạng thực hiện' })).not.toBeChecked();
  });

  it('drops malformed values from a link and still runs the default show', async () => {
    renderApp(
      '/present?slides=bogus&duration=abc&theme=neon&refresh=-5&paused=perhaps&rank=42&status=nonsense&era=1999',
    );
    await waitForKind('kpi');
    expect(counter()).toMatch(/^1\/\d+$/);
    expect(Number(counter().split('/')[1])).toBeGreaterThan(5);
    expect(document.querySelector('.present')).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('button', { name: 'Tạm dừng' })).toBeInTheDocument();
  });

  it('says why on the title slide when the server rejects the filters (a stale locality code)', async () => {
    renderApp('/present?locality=99999');
    expect(await screen.findByText(/Yêu cầu không hợp lệ/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Trình chiếu tiến độ nhiệm vụ chỉ đạo');
  });

  it('edits the show from the panel, by keyboard, and writes every choice to the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/present?paused=true');
    await waitForKind('kpi');
    const button = screen.getByRole('button', { name: 'Tùy chỉnh trình chiếu' });
    button.focus();
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('dialog', { name: 'Tùy chỉnh trình chiếu' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(panel).getByRole('heading', { name: 'Tùy chỉnh trình chiếu' })).toHaveFocus();

    await user.click(within(panel).getByRole('checkbox', { name: 'Chỉ số chính' }));
    await waitFor(() => expect(search(router).get('slides')).toBe('donut,ranking,overdue,flagship,localities'));
    await waitForKind('donut');

    await user.click(within(panel).getByRole('button', { name: 'Đưa “Nhiệm vụ quá hạn” lên trước' }));
    await waitFor(() => expect(search(router).get('slides')).toBe('donut,overdue,ranking,flagship,localities'));

    await user.click(within(panel).getByRole('checkbox', { name: 'Chỉ số chính' }));
    await waitFor(() => expect(search(router).get('slides')).toBe('donut,overdue,ranking,flagship,localities,kpi'));

    const duration = within(panel).getByLabelText(/Thời gian mỗi trang/);
    await user.clear(duration);
    await user.type(duration, '45{Enter}');
    await waitFor(() => expect(search(router).get('duration')).toBe('45'));
    // Out of bounds: brought back within them.
    await user.clear(duration);
    await user.type(duration, '9999{Enter}');
    await waitFor(() => expect(search(router).get('duration')).toBe('600'));

    const refresh = within(panel).getByLabelText(/Cập nhật số liệu/);
    await user.clear(refresh);
    await user.type(refresh, '120{Enter}');
    await waitFor(() => expect(search(router).get('refresh')).toBe('120'));

    await user.click(within(panel).getByRole('radio', { name: 'Nền sáng' }));
    await waitFor(() => expect(search(router).get('theme')).toBe('light'));
    expect(document.querySelector('.present')).toHaveAttribute('data-theme', 'light');

    await user.click(within(panel).getByRole('radio', { name: 'Số nhiệm vụ quá hạn' }));
    await waitFor(() => expect(search(router).get('rank')).toBe('overdue'));

    // Escape closes the panel and gives the focus back to its button.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');

    // Restoring the defaults empties the URL of settings.
    await user.click(button);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Khôi phục mặc định' }));
    await waitFor(() => expect(search(router).has('slides')).toBe(false));
    expect(search(router).has('duration')).toBe(false);
    expect(search(router).has('theme')).toBe(false);
    expect(search(router).get('paused')).toBe('true');
  });

  it('says so calmly when the filters leave nothing to show', async () => {
    // Flagship spotlights only, of the tasks that are not flagship: none.
    renderApp('/present?slides=flagship&flagship=false');
    expect(await screen.findByText('Không có trang nào để chiếu với bộ lọc và lựa chọn hiện tại.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Trình chiếu tiến độ nhiệm vụ chỉ đạo');
    expect(screen.getByText(/1 bộ lọc khác/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('never lets the operator exclude the last kind of slide', async () => {
    const user = userEvent.setup();
    renderApp('/present?slides=donut&paused=true');
    await waitForKind('donut');
    await user.click(screen.getByRole('button', { name: 'Tùy chỉnh trình chiếu' }));
    const box = within(screen.getByRole('dialog')).getByRole('checkbox', { name: 'Tình trạng thực hiện' });
    expect(box).toBeDisabled();
    expect(box).toHaveAccessibleDescription('Cần chiếu ít nhất một loại trang.');
  });

  it('switches the language from the panel', async () => {
    const user = userEvent.setup();
    renderApp('/present?slides=kpi&paused=true');
    await waitForKind('kpi');
    await user.click(screen.getByRole('button', { name: 'Tùy chỉnh trình chiếu' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Key figures' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('presentation: screen and navigation', () => {
  it('tells the operator to use F11 when the browser has no Fullscreen API', async () => {
    const user = userEvent.setup();
    renderApp('/present?slides=kpi&paused=true');
    await waitForKind('kpi');
    await user.click(screen.getByRole('button', { name: 'Toàn màn hình' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/không hỗ trợ chế độ toàn màn hình.*F11/);
    await user.click(within(alert).getByRole('button', { name: 'Đóng thông báo' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('enters full screen on F when the browser allows it, and says so when it refuses', async () => {
    const request = vi.fn().mockRejectedValueOnce(new Error('denied')).mockResolvedValue(undefined);
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
    document.documentElement.requestFullscreen = request;
    try {
      const user = userEvent.setup();
      renderApp('/present?slides=kpi&paused=true');
      await waitForKind('kpi');
      await user.keyboard('f');
      expect(await screen.findByRole('alert')).toHaveTextContent(/từ chối chế độ toàn màn hình/);
      await user.keyboard('f');
      await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
      await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    } finally {
      Reflect.deleteProperty(document, 'fullscreenEnabled');
      Reflect.deleteProperty(document.documentElement, 'requestFullscreen');
    }
  });

  it('hides the cursor after 3 s without activity', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    renderApp('/present?slides=kpi&paused=true');
    await waitForKind('kpi');
    const root = document.querySelector('.present');
    fireEvent.pointerMove(window);
    expect(root).not.toHaveClass('is-idle');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_100);
    });
    expect(root).toHaveClass('is-idle');
    fireEvent.pointerMove(window);
    expect(root).not.toHaveClass('is-idle');
  });

  it('keeps the screen awake where the Wake Lock API exists, and asks again when the page is shown again', async () => {
    const release = vi.fn().mockResolvedValue(undefined);
    const sentinel = { released: false, release, addEventListener: vi.fn() };
    const request = vi.fn().mockResolvedValue(sentinel);
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request } });
    try {
      const { unmount } = renderApp('/present?slides=kpi&paused=true');
      await waitForKind('kpi');
      await waitFor(() => expect(document.querySelector('.present')).toHaveAttribute('data-wake-lock', 'active'));
      expect(request).toHaveBeenCalledWith('screen');
      // The browser released it while hidden: visible again → requested again.
      sentinel.released = true;
      document.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
      unmount();
    } finally {
      Reflect.deleteProperty(navigator, 'wakeLock');
    }
  });

  it('is opened from the app’s navigation with the current filters, and left with the exit button', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?era=pre2025');
    const link = await screen.findByRole('link', { name: 'Trình chiếu' });
    expect(link.getAttribute('href')).toMatch(/^\/present\?(.*&)?era=pre2025/);
    await user.click(link);
    await waitForKind('kpi');
    expect(router.state.location.pathname).toBe('/present');
    await user.click(screen.getByRole('button', { name: 'Thoát trình chiếu' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument();
    expect(search(router).get('era')).toBe('pre2025');
  });
});
