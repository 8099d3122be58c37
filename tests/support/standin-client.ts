import type { TokenManager } from '../../utils/auth/token-manager';
import { createServiceNowClient, type ServiceNowClient } from '../../utils/servicenow/client';
import { PUBLIC_CLIENT } from '../servicenow/seed';
import type { ServiceNowStandIn } from '../servicenow/server';
import { connect, target } from '../servicenow/test-client';

/**
 * The product's own ServiceNow client against the in-process stand-in, signed in as the
 * integration user (svc_m365) through the real OAuth flow; its one token is never renewed.
 */
export async function signedInClient(sn: ServiceNowStandIn): Promise<ServiceNowClient> {
  const { access_token: token } = await connect(target(sn), PUBLIC_CLIENT, 'svc_m365');
  return createServiceNowClient(sn.url, {
    accessToken: async () => token,
    renewAfterRejection: async () => token,
  } as unknown as TokenManager);
}
