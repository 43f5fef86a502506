/** The overview's charts, drawn as plain SVG by our own components (issue 16): geometry, drill-down, tooltips. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { TimelinessCounts } from '../../src/api/schemas';
import { barsInBand, niceTicks } from '../../src/components/charts/svg-chart';
import { CategoryChart } from '../../src/features/dashboard/components/category-chart';
import { TimelinessDonut } from '../../src/features/dashboard/components/timeliness-donut';
import { createI18n } from '../../src/i18n/i18n';

const COUNTS: TimelinessCounts = {
  done_on_time: 13,
  done_late: 8,
  on_track: 5,
  due_soon: 0,
  overdue: 11,
  no_deadline: 16,
  cancelled: 3,
};

function withI18n(ui: React.ReactElement) {
  return render(<I18nextProvider i18n={createI18n('vi')}>{ui}</I18nextProvider>);
}

describe('axis ticks and bar bands, as Recharts chose them', () => {
  it('picks five nice ticks from 0 that reach the largest value', () => {
    expect(niceTicks(42)).toEqual([0, 15, 30, 45, 60]);
    expect(niceTicks(13)).toEqual([0, 4, 8, 12, 16]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(100_000)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
    expect(niceTicks(0)).toEqual([0, 1, 2, 3, 4]);
  });

  it('places bars in their band with the category gap, a whole size and the widest bar', () => {
    expect(barsInBand(39.5, { gap: 0.22, max: 34 })).toEqual({ size: 22, offsets: [39.5 * 0.22] });
    const wide = barsInBand(200, { gap: 0.22, max: 34 });
    expect(wide.size).toBe(34);
    expect(wide.offsets[0]).toBeCloseTo((200 - 34) / 2);
    const pair = barsInBand(29.3, { gap: 0.1, count: 2, barGap: 1 });
    expect(pair.size).toBe(11);
    expect(pair.offsets[1] ?? 0).toBeCloseTo(2.93 + 12);
  });
});

describe('the overview charts in SVG', () => {
  it('draws the donut with its counts and total; a click on a slice drills into its class', () => {
    const onSelect = vi.fn();
    const { container } = withI18n(<TimelinessDonut counts={COUNTS} total={56} state="ready" onSelect={onSelect} />);
    const svg = container.querySelector('svg.chart-svg');
    expect(svg?.getAttribute('width')).toBe('800');
    expect(svg?.textContent).toContain('56');
    const slices = container.querySelectorAll('.chart-slice path');
    // Six classes have tasks (none due soon).
    expect(slices).toHaveLength(6);
    fireEvent.click(slices[4] as Element);
    expect(onSelect).toHaveBeenCalledWith('no_deadline');
  });

  it('draws a bar per field with its total; a click drills in, the pointer shows the figures', () => {
    const onSelect = vi.fn();
    const { container } = withI18n(
      <CategoryChart
        byCategory={[
          { category: 'infrastructure', total: 13, byTimeliness: { ...COUNTS, done_on_time: 13, no_deadline: 0 } },
          { category: 'culture_tourism', total: 9, byTimeliness: { ...COUNTS, overdue: 9, done_on_time: 0 } },
        ]}
        state="ready"
        onSelect={onSelect}
      />,
    );
    const rows = container.querySelectorAll('.chart-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.querySelector('.bar-total')?.textContent).toBe('13');
    fireEvent.click(rows[1]?.querySelector('.chart-bar') as Element);
    expect(onSelect).toHaveBeenCalledWith('culture_tourism');
    fireEvent.mouseMove(rows[0] as Element, { clientX: 300, clientY: 20 });
    expect(screen.getByText('Hoàn thành đúng hạn:')).toBeInTheDocument();
  });
});

describe('a chart card’s data table', () => {
  const donut = (counts: TimelinessCounts) => (
    <I18nextProvider i18n={createI18n('vi')}>
      <TimelinessDonut counts={counts} total={56} state="ready" onSelect={() => {}} />
    </I18nextProvider>
  );
  const cell = () => screen.getByRole('table', { hidden: true }).querySelector('tbody tr td') as HTMLElement;

  it('follows new figures once the frame with the new drawing is painted, while it is hidden', async () => {
    const view = render(donut(COUNTS));
    // A table that appears is there at once (the overview test reads it as soon as the chart is drawn).
    expect(cell().textContent).toBe('13');
    view.rerender(donut({ ...COUNTS, done_on_time: 21 }));
    // The drawing has the new figures; the hidden table still the previous ones, until after the next frame.
    expect(document.querySelector('svg.chart-svg')?.textContent).toMatch(/^21/);
    expect(cell().textContent).toBe('13');
    await waitFor(() => expect(cell().textContent).toBe('21'));
  });

  it('follows new figures at once while it is shown', async () => {
    const view = render(donut(COUNTS));
    fireEvent.click(screen.getByRole('button', { name: 'Xem bảng số liệu' }));
    view.rerender(donut({ ...COUNTS, done_on_time: 21 }));
    expect(cell().textContent).toBe('21');
  });
});
