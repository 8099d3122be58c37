import type { ActionDetails, PortalUser } from '@/utils/portal/action-reader';
import { priorityFromScoreImpact } from '@/utils/domain/priority';
import { addDays, localToday, type TicketDraft } from '@/utils/domain/ticket-draft';
import type { TicketPreferences } from '@/utils/storage';

// The task form's starting values (F2.2), from the improvement action and the user's defaults.

export function describeAction(action: ActionDetails): string {
  const parts = [action.description.trim()];
  if (action.implementation.trim()) parts.push(`Implementation:\n${action.implementation.trim()}`);
  parts.push(`Improvement action: ${action.link}`);
  return parts.filter(Boolean).join('\n\n');
}

export function formatUser(user: PortalUser | null): string {
  if (!user) return '';
  if (user.name && user.email) return `${user.name} (${user.email})`;
  return user.name || user.email;
}

export function prefill(
  action: ActionDetails | null,
  user: PortalUser | null,
  preferences: TicketPreferences,
  today = localToday(),
): TicketDraft {
  return {
    type: preferences.defaultType,
    actionId: action?.id ?? null,
    name: action?.title.slice(0, 160) ?? '',
    description: action ? describeAction(action) : '',
    priority: priorityFromScoreImpact(action?.scoreImpact ?? null),
    dueDate: addDays(today, Math.max(0, Math.min(365, Math.round(preferences.dueInDays)))),
    source: 'microsoft',
    category: action?.category ?? 'Identity',
    initiatingUser: formatUser(user),
    actionLink: action?.link ?? '',
    confirmDuplicate: false,
  };
}
