/**
 * The accounts of the in-browser demo: one per role, with their passwords, since the demo is public and its
 * sign-in page offers "sign in as" each of them. The mock API (mocks/accounts.ts) creates exactly these users, so
 * the demo applies the same rules as a real server. A real deployment has none of them.
 */
import type { Role } from './session-schemas';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'demo-quan-tri-2025',
    displayName: 'Quản trị viên (demo)',
    role: 'admin',
    unitCode: null,
  },
  {
    username: 'bientap',
    password: 'demo-bien-tap-2025',
    displayName: 'Biên tập viên (demo)',
    role: 'editor',
    unitCode: null,
  },
  {
    username: 'vinhlong',
    password: 'demo-vinh-long-2025',
    displayName: 'Cán bộ Sở Xây dựng Vĩnh Long (demo)',
    role: 'updater',
    unitCode: '86',
  },
  { username: 'xem', password: 'demo-chi-xem-2025', displayName: 'Người xem (demo)', role: 'viewer', unitCode: null },
];
