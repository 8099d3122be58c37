import { isEmptyObject } from '../domain/guards';
import { isTicketDraft } from '../domain/ticket-draft';
import {
  isActionIdsRequest,
  isConnectionSettings,
  isDisconnectRequest,
  isOutboxRef,
  isPingRequest,
  isPrepareTicketRequest,
  isStatusRequest,
  isTicketListQuery,
} from './payload-checks';
import {
  isCheckFieldDefaultsRequest,
  isCompleteTicketRequest,
  isListChoicesRequest,
  isRequiredFieldsRequest,
  isSearchRecordsRequest,
} from './field-payload-checks';
import type { MessageName, RequestOf, SenderKind } from './protocol';

// Each message names who may send it and how to check its payload; the background refuses
// anything else.

interface MessageSpec<N extends MessageName> {
  from: readonly SenderKind[];
  isValid(payload: unknown): payload is RequestOf<N>;
}

const both = ['portal', 'extension-page'] as const;

export const MESSAGE_SPECS: { [N in MessageName]: MessageSpec<N> } = {
  ping: { from: both, isValid: isPingRequest },
  getStatus: { from: both, isValid: isStatusRequest },
  // First-time setup too only from extension pages: the portal's page scripts can reach our open
  // shadow root, so the portal may only reconnect the instance already configured.
  saveConnection: { from: ['extension-page'], isValid: isConnectionSettings },
  connect: { from: both, isValid: isEmptyObject },
  disconnect: { from: ['extension-page'], isValid: isDisconnectRequest },
  openOptions: { from: ['portal'], isValid: isEmptyObject },
  prepareTicket: { from: both, isValid: isPrepareTicketRequest },
  createTicket: { from: both, isValid: isTicketDraft },
  retryTicket: { from: both, isValid: isOutboxRef },
  discardTicket: { from: both, isValid: isOutboxRef },
  listOutbox: { from: both, isValid: isEmptyObject },
  getTicketOverview: { from: both, isValid: isEmptyObject },
  getActionTickets: { from: both, isValid: isActionIdsRequest },
  listTickets: { from: both, isValid: isTicketListQuery },
  syncNow: { from: both, isValid: isEmptyObject },
  searchRecords: { from: both, isValid: isSearchRecordsRequest },
  listChoices: { from: both, isValid: isListChoicesRequest },
  getRequiredFields: { from: both, isValid: isRequiredFieldsRequest },
  completeTicket: { from: both, isValid: isCompleteTicketRequest },
  checkFieldDefaults: { from: ['extension-page'], isValid: isCheckFieldDefaultsRequest },
};
