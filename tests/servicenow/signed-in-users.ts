import { afterAll, beforeAll, beforeEach } from 'vitest';
import { PUBLIC_CLIENT } from './seed.ts';
import { startServiceNow, type ServiceNowStandIn } from './server.ts';
import { connect, target, type Target } from './test-client.ts';

export interface SignedInUsers {
  sn: ServiceNowStandIn;
  t: Target;
  /** Access tokens: jane.admin (itil + admin), svc_m365 (itil), no.roles (none). */
  jane: string;
  svc: string;
  none: string;
}

/**
 * A stand-in on any free port, reset before each test with the three seeded users signed in
 * through the public client. svc_m365 may log in here even if a test gives it "Web service
 * access only" (the start-up setting).
 */
export function signedInUsers(): SignedInUsers {
  const ctx = {} as SignedInUsers;
  beforeAll(async () => {
    ctx.sn = await startServiceNow({ port: 0, settings: { blockUiLoginForServiceAccounts: false } });
    ctx.t = target(ctx.sn);
  });
  afterAll(() => ctx.sn.close());
  beforeEach(async () => {
    ctx.sn.reset();
    const users = await Promise.all(['jane.admin', 'svc_m365', 'no.roles'].map((user) => connect(ctx.t, PUBLIC_CLIENT, user)));
    [ctx.jane, ctx.svc, ctx.none] = users.map((tokens) => tokens.access_token) as [string, string, string];
  });
  return ctx;
}
