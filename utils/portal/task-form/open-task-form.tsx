import { Dialog, DIALOG_CSS } from '@/components/Dialog';
import { TaskForm } from '@/components/TaskForm';
import { t } from '@/utils/i18n';
import type { TaskTable } from '@/utils/servicenow/client';
import { readPortalUser, type ActionDetails } from '../action-reader';
import { MODAL_FOCUS_TRAP } from '../selectors';
import { createShadowUi, type ShadowUi } from '../shadow-ui';

// Opens the task form in a modal dialog of ours (shadow root at the end of body). One form at a
// time; focus goes back to where it was when the form closes.

let open: { ui: ShadowUi; close(): void } | null = null;

export interface OpenTaskFormOptions {
  /** The improvement action, or null for a ticket without one (home page cards). */
  action?: ActionDetails | null;
  /** Closes the form when this aborts (in-app navigation). */
  signal?: AbortSignal;
  /** Ticket type to start with (the incident card's Create a ticket), else the user's default. */
  type?: TaskTable;
}

export function openTaskForm({ action = null, signal, type }: OpenTaskFormOptions = {}): void {
  if (open) {
    open.ui.root.querySelector<HTMLElement>('select, input, button')?.focus();
    return;
  }
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const close = () => {
    if (!open) return;
    open.ui.remove();
    open = null;
    signal?.removeEventListener('abort', close);
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
  // Inside an open flyout's focus trap when there is one, else at the end of body.
  const container = [...document.querySelectorAll(MODAL_FOCUS_TRAP)].at(-1) ?? document.body;
  container.append(ui.host);
  open = { ui, close };
  signal?.addEventListener('abort', close, { once: true });
}

/** For tests: whether a form is open. */
export function isTaskFormOpen(): boolean {
  return open !== null;
}
