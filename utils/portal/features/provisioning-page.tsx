import { ProvisioningView } from '@/components/ProvisioningView';
import type { Feature } from '../feature-manager';
import { isPath } from '../feature-manager';
import { mountInMain } from '../page-takeover';

export const provisioningPage: Feature = {
  id: 'provisioning-page',
  include: (url) => isPath(url, '/ticketProvisioning'),
  init(signal) {
    mountInMain('snt-provisioning', <ProvisioningView />, signal, { takeOver: true });
  },
};
