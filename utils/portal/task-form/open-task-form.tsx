import { Dialog, DIALOG_CSS } from '@/components/Dialog';
import { TaskForm } from '@/components/TaskForm';
import { t } from '@/utils/i18n';
import { readPortalUser, type ActionDetails } from '../action-reader';
import { onDomChange } from '../observe';
import { MODAL_FOCUS_TRAP } from '../selectors';
import { createShadowUi, type ShadowUi } from '../shadow-ui';
import type { TicketType } from '@/utils/domain/ticket-type';

// Opens the task form in a modal dialog of ours. One form at a time; focus goes back to where it
// was when the form closes. The form belongs to the user until they close it: if the portal
// removes the flyout it sits in (Back, a re-render), it moves on instead of vanishing.

let open: { ui: ShadowUi; close(): void } | null = null;

export interface OpenTaskFormOptions {
  /** The improvement action, or null for a ticket without one (home page cards). */
  action?: ActionDetails | null;
  /** Ticket type to start with (the incident card's Create a ticket), else the user's default. */
  type?: TicketType;
}

/** Inside an open flyout's focus trap when there is one (else the trap steals focus), else body. */
function container(): Element {
  return [...document.querySelectorAll(MODAL_FOCUS_TRAP)].at(-1) ?? document.body;
}

export function openTaskForm({ action = null, type }: OpenTaskFormOptions = {}): void {
  if (open) {
    open.ui.root.querySelector<HTMLElement>('select, input, button')?.focus();
    return;
  }
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const lifetime = new AbortController();
  const close = () => {
    if (!open) return;
    lifetime.abort();
    open.ui.remove();
    open = null;
    if (returnFocus?.isConnected) returnFocus.focus();
  };
  const subtitle = action ? t('formSubtitle', action.title || action.id || '') : t('formNoAction');
  const ui = createShadowUi(
    'snt-task-form',
    <Dialog title={t('formTitle')} subtitle={subtitle} onClose={close}>
      <TaskForm action={action} user={readPortalUser(document)} initialType={type} onClose={close} />
    </Dialog>,
    DIALOG_CSS,
  );
  container().append(ui.host);
  open = { ui, close };
  onDomChange(
    () => {
      if (!ui.host.isConnected) container().append(ui.host);
    },
    { signal: lifetime.signal },
  );
}
