import { describe, expect, test } from 'vitest';
import { retryDelayMs } from '../outbox/backoff';
import { impactUrgencyFor, priorityFromScoreImpact } from './priority';
import { toServiceNowFields } from '../servicenow/ticket-fields';
import { addDays, isTicketDraft, validateDraft, type TicketDraft } from './ticket-draft';

const draft: TicketDraft = {
  type: 'incident',
  actionId: 'AdminMFAV2',
  name: 'Require MFA for administrative roles',
  description: 'Turn it on.',
  priority: '2',
  dueDate: '2026-12-01',
  source: 'microsoft',
  category: 'Identity',
  initiatingUser: 'Megan Bowen (megan@contoso.com)',
  actionLink: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
  confirmDuplicate: false,
};

describe('validateDraft', () => {
  test('a complete draft is valid', () => expect(validateDraft(draft, '2026-11-23')).toEqual({}));
  test('each field says what to fix', () => {
    const errors = validateDraft({ ...draft, name: ' ', description: '', dueDate: '2026-02-30' }, '2026-11-23');
    expect(errors).toEqual({
      name: 'Enter a task name.',
      description: 'Enter a description of the work to do.',
      dueDate: expect.stringContaining('as a date'),
    });
    expect(validateDraft({ ...draft, dueDate: '2026-11-22' }, '2026-11-23').dueDate).toMatch(/today or later/);
    expect(validateDraft({ ...draft, name: 'x'.repeat(161) }, '2026-11-23').name).toMatch(/160/);
  });
  test('addDays crosses months', () => expect(addDays('2026-11-23', 30)).toBe('2026-12-23'));
});

describe('isTicketDraft', () => {
  test('accepts a draft and refuses extra keys, bad enums and foreign links', () => {
    expect(isTicketDraft(draft)).toBe(true);
    expect(isTicketDraft({ ...draft, extra: 1 })).toBe(false);
    expect(isTicketDraft({ ...draft, type: 'sys_user' })).toBe(false);
    expect(isTicketDraft({ ...draft, actionId: 'a^ORb' })).toBe(false);
    expect(isTicketDraft({ ...draft, actionLink: 'https://evil.example/' })).toBe(false);
    expect(isTicketDraft({ ...draft, name: 'x'.repeat(10_000) })).toBe(false);
  });
});

describe('ServiceNow fields', () => {
  test('incidents get impact and urgency, not priority; everything listed is carried', () => {
    const fields = toServiceNowFields(draft, { outboxId: 'ref-1', correlationId: 'm365ss-AdminMFAV2' });
    expect(fields).toMatchObject({
      impact: '1',
      urgency: '2',
      correlation_id: 'm365ss-AdminMFAV2',
      correlation_display: 'Microsoft 365 Security',
      short_description: draft.name,
    });
    expect(fields.priority).toBeUndefined();
    expect(fields.due_date).toMatch(/^2026-12-01 \d\d:00:00$|^2026-11-30 \d\d:00:00$|^2026-12-02 \d\d:00:00$/);
    for (const text of [
      'Microsoft 365 Security and Configuration Incident',
      'Recommendation source: Microsoft recommendation',
      'Category: Identity',
      'Initiated by: Megan Bowen',
      draft.actionLink,
      'Reference: ref-1',
    ]) {
      expect(fields.description).toContain(text);
    }
  });
  test('change requests carry priority', () => {
    expect(
      toServiceNowFields({ ...draft, type: 'change_request' }, { outboxId: 'r', correlationId: 'c' }),
    ).toMatchObject({ priority: '2', type: 'normal' });
  });
  test('priority follows the score impact and maps to impact × urgency', () => {
    expect([
      priorityFromScoreImpact(8.11),
      priorityFromScoreImpact(3),
      priorityFromScoreImpact(0.5),
      priorityFromScoreImpact(null),
    ]).toEqual(['2', '3', '4', '3']);
    expect(impactUrgencyFor('5')).toEqual({ impact: '3', urgency: '3' });
  });
});

describe('retry delays', () => {
  test('grow with attempts, stay jittered, and follow Retry-After', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(1000);
    expect(retryDelayMs(4, undefined, () => 0.999)).toBeLessThanOrEqual(16_000);
    expect(retryDelayMs(30, undefined, () => 1)).toBe(600_000);
    expect(retryDelayMs(1, 12, () => 0)).toBe(12_000);
  });
});
