import { t } from '../i18n';
import { isTicketCategory, type TicketCategory } from './category';
import { isActionId } from './correlation';
import { isInstanceFieldValues, type InstanceFieldValues } from './instance-fields';
import { hasOnlyKeys, isBoundedString, isObject, isOneOf } from './guards';
import { PORTAL_ORIGIN } from './portal-links';
import { isTicketType, type TicketType } from './ticket-type';

// What the user sends from the task form (F2.2): checked in the form for messages and again in
// the worker before anything is stored or sent.

export type RecommendationSource = 'microsoft' | 'user';
export type Priority = '1' | '2' | '3' | '4' | '5';

export const PRIORITIES: readonly Priority[] = ['1', '2', '3', '4', '5'];
export const SOURCES: readonly RecommendationSource[] = ['microsoft', 'user'];

export const LIMITS = { name: 160, description: 3500, user: 200, link: 500 } as const;

export interface TicketDraft {
  type: TicketType;
  /** The improvement action (Secure Score control id), or null for a ticket without one. */
  actionId: string | null;
  name: string;
  description: string;
  priority: Priority;
  /** YYYY-MM-DD, the user's local date. */
  dueDate: string;
  source: RecommendationSource;
  category: TicketCategory;
  /** The portal account, e.g. "Megan Bowen (megan@contoso.com)". */
  initiatingUser: string;
  /** Link back to the action in the portal. */
  actionLink: string;
  /** The user confirmed creating another ticket for an action that has one (F2.5). */
  confirmDuplicate: boolean;
  /** Fields the connected instance requires (assignment group, …), when it requires any (F7). */
  fields?: InstanceFieldValues;
}

export type DraftField = 'type' | 'name' | 'description' | 'priority' | 'dueDate' | 'source' | 'category';
export type DraftErrors = Partial<Record<DraftField, string>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localToday(new Date(y, m - 1, d + days));
}

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return localToday(date) === value;
}

/** Messages for the fields that need fixing; empty when the draft can be sent. */
export function validateDraft(draft: TicketDraft, today = localToday()): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = t('draftNameEmpty');
  else if (name.length > LIMITS.name) errors.name = t('draftNameTooLong', LIMITS.name, name.length);
  const description = draft.description.trim();
  if (!description) errors.description = t('draftDescriptionEmpty');
  else if (description.length > LIMITS.description)
    errors.description = t('draftDescriptionTooLong', LIMITS.description, description.length);
  if (!isTicketType(draft.type)) errors.type = t('draftTypeInvalid');
  if (!PRIORITIES.includes(draft.priority)) errors.priority = t('draftPriorityInvalid');
  if (!draft.dueDate) errors.dueDate = t('draftDueDateEmpty');
  else if (!isRealDate(draft.dueDate)) errors.dueDate = t('draftDueDateInvalid');
  else if (draft.dueDate < today) errors.dueDate = t('draftDueDatePast');
  if (!SOURCES.includes(draft.source)) errors.source = t('draftSourceInvalid');
  if (!isTicketCategory(draft.category)) errors.category = t('draftCategoryInvalid');
  return errors;
}

const DRAFT_KEYS = [
  'type',
  'actionId',
  'name',
  'description',
  'priority',
  'dueDate',
  'source',
  'category',
  'initiatingUser',
  'actionLink',
  'confirmDuplicate',
  'fields',
];

/** Shape check for the message layer: only known keys, bounded strings, known enum values. */
export function isTicketDraft(value: unknown): value is TicketDraft {
  if (!isObject(value) || !hasOnlyKeys(value, DRAFT_KEYS)) return false;
  const v = value;
  return (
    isTicketType(v.type) &&
    (v.actionId === null || (typeof v.actionId === 'string' && isActionId(v.actionId))) &&
    isBoundedString(v.name, LIMITS.name * 2) &&
    isBoundedString(v.description, LIMITS.description * 2) &&
    isOneOf(PRIORITIES, v.priority) &&
    isBoundedString(v.dueDate, 10) &&
    isOneOf(SOURCES, v.source) &&
    isTicketCategory(v.category) &&
    isBoundedString(v.initiatingUser, LIMITS.user) &&
    isBoundedString(v.actionLink, LIMITS.link) &&
    (v.actionLink === '' || v.actionLink.startsWith(`${PORTAL_ORIGIN}/`)) &&
    typeof v.confirmDuplicate === 'boolean' &&
    (v.fields === undefined || isInstanceFieldValues(v.fields))
  );
}
