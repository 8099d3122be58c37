import type { TicketDraft } from '../../utils/domain/ticket-draft';

/** A complete, valid task form draft for tests of the outbox, its checks and the ticket service. */
export const SAMPLE_DRAFT: TicketDraft = {
  type: 'change_request',
  actionId: 'AdminMFAV2',
  name: 'Require MFA',
  description: 'Do it',
  priority: '2',
  dueDate: '2099-01-01',
  source: 'microsoft',
  category: 'Identity',
  initiatingUser: 'Megan',
  actionLink: '',
  confirmDuplicate: false,
};
