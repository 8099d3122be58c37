import { ConnectCard } from '@/components/ConnectCard';
import { send } from '@/utils/messaging';
import { cachedStatus } from '@/utils/storage';
import type { ConnectionState } from '@/utils/connection/status';
import type { Feature } from '../feature-manager';
import { isPath } from '../feature-manager';
import { mountInMain } from '../page-takeover';

const NOT_CONNECTED: ConnectionState[] = ['not_configured', 'not_connected', 'reconnect_needed'];

/** "Do you use ServiceNow?" on the home page while not connected (F1.7). */
export const connectCard: Feature = {
  id: 'connect-card',
  include: (url) => isPath(url, '/', '/homepage'),
  async init(signal) {
    const cached = await cachedStatus.get();
    const status = cached ?? (await send('getStatus', { refresh: false }));
    if (signal.aborted || !NOT_CONNECTED.includes(status.state)) return;
    mountInMain('snt-connect-card', <ConnectCard />, signal);
  },
};
