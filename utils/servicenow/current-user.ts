import type { ServiceNowUser } from '../domain/connection-status';
import { AppError } from '../errors';
import { t } from '../i18n';
import type { ServiceNowClient } from './client';
import { condition } from './encoded-query';

// Who the token belongs to. `javascript:gs.getUserName()` is the documented way to ask for the
// session user through the Table API; hardened instances may refuse it.

export async function fetchCurrentUser(client: ServiceNowClient): Promise<ServiceNowUser & { roles?: string[] }> {
  const { records } = await client.list('sys_user', {
    query: condition.equals('user_name', 'javascript:gs.getUserName()'),
    fields: ['sys_id', 'user_name', 'name', 'email', 'web_service_access_only', 'internal_integration_user', 'roles'],
    limit: 1,
  });
  const record = records[0];
  if (!record?.sys_id) {
    throw new AppError('missing_role', t('errUserUnknown'));
  }
  return {
    sysId: record.sys_id,
    userName: record.user_name ?? '',
    name: record.name ?? '',
    email: record.email || undefined,
    dedicated: looksDedicated(record),
    roles:
      typeof record.roles === 'string'
        ? record.roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : undefined,
  };
}

// The authorization-code flow needs an interactive login, which "Web service access only" users
// cannot do; so integration accounts are usually recognised by their name (svc_…, integration…).
const SERVICE_NAME = /(^|[^a-z])(svc|service|integration|intg|api|interface|connector|sync|m365|bot)([^a-z]|$)/i;

export function looksDedicated(record: Record<string, string | undefined>): boolean {
  return (
    record.web_service_access_only === 'true' ||
    record.internal_integration_user === 'true' ||
    SERVICE_NAME.test(record.user_name ?? '') ||
    SERVICE_NAME.test(record.name ?? '')
  );
}
