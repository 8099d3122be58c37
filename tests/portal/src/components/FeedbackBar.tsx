import { MessageBar, MessageBarType } from '@fluentui/react';
import { clearFeedback, useFeedback } from '../feedback';
import { useStrings, type Strings } from '../i18n';
import { useMark } from '../marks';

function textOf(t: Strings, command: string): string {
  switch (command) {
    case 'copyLink':
      return t.feedback.linkCopied;
    case 'email':
      return t.feedback.email;
    case 'teams':
      return t.feedback.teams;
    case 'planner':
      return t.feedback.planner;
    case 'manage':
      return t.feedback.manage;
    case 'notes':
      return t.feedback.notes;
    case 'editStatus':
      return t.feedback.editStatus;
    default:
      return command;
  }
}

/** Result of the last menu command: a MessageBar; with markup=default in div[data-testid="share-result"][data-command][data-action-id]. */
export function FeedbackBar() {
  const t = useStrings();
  const mark = useMark();
  const fb = useFeedback();
  if (!fb) return null;
  return (
    <div className="feedback-bar" {...mark('share-result', { 'data-command': fb.command, 'data-action-id': fb.actionId })}>
      <MessageBar messageBarType={MessageBarType.success} onDismiss={clearFeedback} dismissButtonAriaLabel={t.flyout.close}>
        {textOf(t, fb.command)}
      </MessageBar>
    </div>
  );
}
