import { todayInVietnam } from '../domain/dates';
import { config } from './config';
import { useMockSettings } from './mock-settings';

/**
 * The date the API evaluates timeliness at (YYYY-MM-DD): the mock's own date (tests fix it), or today in Vietnam
 * for a real server. Null while the mock's date is loading. Forms use it as the latest allowed date; panels use it
 * to compute date windows.
 */
export function useServerToday(): string | null {
  const settings = useMockSettings();
  if (!config.useMockApi) return todayInVietnam();
  return settings.data?.today ?? (settings.isError ? todayInVietnam() : null);
}
