import { toAppError, type AppError } from '../errors';
import { sentences, t } from '../i18n';
import { roleFix } from '../servicenow/errors';
import type { ChecklistStep, ServiceNowUser, StepId } from '../domain/connection-status';

// The provisioning checklist (F1.3): each step runs only when the ones before it passed, and a
// failed step says why and how to fix it.

export const STEP_ORDER: StepId[] = ['instance', 'client', 'authorized', 'user', 'read', 'create', 'ready'];

/** Roles that may create change requests or incidents out of the box. */
const CREATE_ROLES = ['itil', 'admin', 'itil_admin', 'sn_change_write', 'change_manager', 'sn_incident_write'];

export interface ChecklistProbes {
  configured: boolean;
  /** Resolves when the instance answers its REST API like ServiceNow. */
  probeInstance(): Promise<void>;
  hasTokens: boolean;
  reconnectNeeded: boolean;
  /** The last connect attempt's error, if it concerned the client or the authorization. */
  lastAuthError?: AppError;
  currentUser(): Promise<ServiceNowUser & { roles?: string[] }>;
  canRead(table: 'change_request' | 'incident'): Promise<void>;
  /** The fields the instance requires on tickets, by name in the UI language (F7). */
  requiredFields?(): Promise<string[]>;
}

export interface ChecklistResult {
  steps: ChecklistStep[];
  user?: ServiceNowUser;
}

export function pendingChecklist(): ChecklistStep[] {
  return STEP_ORDER.map((id) => ({ id, state: 'pending' }));
}

export async function runChecklist(probes: ChecklistProbes): Promise<ChecklistResult> {
  const steps: ChecklistStep[] = [];
  let user: ServiceNowUser | undefined;
  const fail = (id: StepId, detail: string): ChecklistResult => {
    steps.push({ id, state: 'failed', detail });
    for (const rest of STEP_ORDER.slice(STEP_ORDER.indexOf(id) + 1)) steps.push({ id: rest, state: 'pending' });
    return { steps, user };
  };

  if (!probes.configured) return fail('instance', t('stepInstanceNotConfigured'));
  try {
    await probes.probeInstance();
  } catch (error) {
    return fail('instance', toAppError(error).message);
  }
  steps.push({ id: 'instance', state: 'ok' });

  const authError = probes.lastAuthError;
  if (authError?.code === 'invalid_client') return fail('client', authError.message);
  if (!probes.hasTokens) {
    steps.push({
      id: 'client',
      state: authError ? 'failed' : 'pending',
      detail: authError ? undefined : t('stepClientOnAuthorize'),
    });
    if (authError) return fail('authorized', authError.message);
    return fail('authorized', probes.reconnectNeeded ? t('stepAuthorizedReconnect') : t('stepAuthorizedConnect'));
  }
  steps.push({ id: 'client', state: 'ok' }, { id: 'authorized', state: 'ok' });

  let roles: string[] | undefined;
  try {
    const found = await probes.currentUser();
    roles = found.roles;
    user = {
      sysId: found.sysId,
      userName: found.userName,
      name: found.name,
      email: found.email,
      dedicated: found.dedicated,
    };
  } catch (error) {
    return fail('user', toAppError(error).message);
  }
  steps.push(
    user.dedicated
      ? { id: 'user', state: 'ok' }
      : {
          id: 'user',
          state: 'warning',
          detail: t('stepUserPersonal', user.name || user.userName),
        },
  );

  for (const table of ['change_request', 'incident'] as const) {
    try {
      await probes.canRead(table);
    } catch (error) {
      const appError = toAppError(error);
      return fail('read', appError.message);
    }
  }
  steps.push({ id: 'read', state: 'ok' });

  if (roles === undefined) {
    steps.push({ id: 'create', state: 'warning', detail: t('stepCreateRolesUnknown') });
  } else if (!roles.some((role) => CREATE_ROLES.includes(role))) {
    return fail('create', sentences(t('stepCreateNoRole', user.name || user.userName), roleFix()));
  } else {
    steps.push({ id: 'create', state: 'ok' });
  }
  steps.push({ id: 'ready', state: 'ok' });
  // After "ready": what the instance requires does not keep tickets from being sent, the form asks for it.
  if (probes.requiredFields) {
    const names = await probes.requiredFields();
    steps.push({
      id: 'fields',
      state: 'ok',
      detail: names.length ? t('stepFieldsList', names.join(', ')) : t('stepFieldsNone'),
    });
  }
  return { steps, user };
}

export function isReady(steps: ChecklistStep[]): boolean {
  return steps.some((s) => s.id === 'ready' && s.state === 'ok');
}
