/**
 * Every fault scenario of the mock API (mocks/scenarios.ts) on the overview, the task list and a task page:
 * a clear message in Vietnamese, never a blank page, and markup in the data shown as text, never run.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dbStore } from '../../mocks/node';
import { HOSTILE_MARKUP, LONG_TITLE_LENGTH, type Scenario } from '../../mocks/scenarios';
import { renderApp } from '../render';

const SCREENS = ['/', '/tasks', '/tasks/t-000-09'] as const;

async function pageStands() {
  // The shell and the page's heading are there whatever the API does.
  expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
  expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument();
}

describe.each<[Scenario, RegExp]>([
  ['server-error', /Máy chủ đang gặp sự cố \(mã 500\)/],
  ['malformed-json', /dữ liệu không hợp lệ/],
  ['schema-break', /dữ liệu không hợp lệ/],
])('scenario %s', (scenario, message) => {
  it.each(SCREENS)('says what is wrong on %s, in Vietnamese, and the page stands', async (url) => {
    dbStore.setScenario(scenario);
    renderApp(url);
    await pageStands();
    await waitFor(() => expect(screen.getAllByText(message).length).toBeGreaterThan(0));
  });
});

describe('data scenarios', () => {
  it('shows markup from the data as text and never runs it', async () => {
    dbStore.setScenario('markup');
    const { container } = renderApp('/tasks/t-000-09');
    await pageStands();
    await waitFor(() => expect(container.textContent).toContain('<script>'));
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')?.textContent ?? '').not.toBe('đậm');
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    expect(HOSTILE_MARKUP).toContain('<script>');
  });

  it('lists tasks with 10,000-character titles without breaking the table', async () => {
    dbStore.setScenario('long-titles');
    renderApp('/tasks');
    await pageStands();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
    const longest = Math.max(
      ...within(table)
        .getAllByRole('row')
        .map((r) => r.textContent?.length ?? 0),
    );
    expect(longest).toBeGreaterThanOrEqual(LONG_TITLE_LENGTH);
  });

  it('opens a task filed under a locality code that does not exist', async () => {
    dbStore.setScenario('unknown-locality');
    renderApp('/tasks/t-000-09');
    await pageStands();
    expect(await screen.findByRole('heading', { level: 1, name: /Đình Khao/ })).toBeInTheDocument();
    await waitFor(() => expect(document.body.textContent).toContain('99999'));
  });

  it('shows empty states on the overview when there is no data at all', async () => {
    dbStore.setScenario('empty');
    renderApp('/');
    await pageStands();
    expect((await screen.findAllByText('Không có nhiệm vụ nào để thống kê.')).length).toBeGreaterThan(0);
  });
});
