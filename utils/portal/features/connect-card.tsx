import { ConnectCard } from '@/components/ConnectCard';
import type { Feature } from '../feature-manager';
import { isPath } from '../feature-manager';
import { mountInCardGrid } from '../card-grid';
import { whileHomeMode } from '../home-mode';

/**
 * "Do you use ServiceNow?" on the home page while not connected (F1.7), as a card of the
 * portal's card grid; the ticket cards (home-cards.tsx) take its place once connected.
 */
export const connectCard: Feature = {
  id: 'connect-card',
  include: (url) => isPath(url, '/', '/homepage'),
  init(signal) {
    return whileHomeMode(
      'connect',
      (shown) => mountInCardGrid('snt-connect-card', <ConnectCard />, shown, { order: 0, adoptLook: false }),
      signal,
    );
  },
};
