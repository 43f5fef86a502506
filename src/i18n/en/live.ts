import type { Messages } from '../vi';

/** English messages of live updates. */
export const liveEn: Messages['live'] = {
  updated: 'Just updated: {{what}}',
  updatedData: 'Figures just updated',
  andMore: '{{list}} and more',
};
