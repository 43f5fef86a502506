/**
 * What the fault messages claim: a broken answer on a first load says only that the data is invalid (it used to add
 * "the last valid figures are kept" when there were none); when figures are kept, the stale banner says so.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dbStore } from '../../mocks/node';
import { renderApp } from '../render';

describe('fault messages', () => {
  it.each(['malformed-json', 'schema-break'] as const)(
    '%s on a first load claims no kept figures',
    async (scenario) => {
      dbStore.setScenario(scenario);
      renderApp('/tasks');
      expect(await screen.findByText('Máy chủ trả về dữ liệu không hợp lệ.')).toBeInTheDocument();
      await waitFor(() => expect(document.body.textContent).not.toMatch(/giữ lại|Đang hiển thị/));
    },
  );
});
