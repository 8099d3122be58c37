import type { ConnectionStatus } from '@/utils/domain/connection-status';
import { t } from '@/utils/i18n';

/** One line: the connection state in words (F1.5). */
export function connectionText(status: ConnectionStatus): string {
  if (status.state === 'connected') {
    return t('state_connected', status.user?.name || status.user?.userName || '?', status.instanceHost ?? '');
  }
  return t(`state_${status.state}`);
}

export function ConnectionSummary({ status }: { status: ConnectionStatus }) {
  return (
    <div class="snt-stack">
      <p role="status" data-testid="connection-state" data-state={status.state} style={{ margin: 0, fontWeight: 600 }}>
        {connectionText(status)}
      </p>
      {status.refreshExpiresSoon && status.refreshExpiresAt && (
        <div class="snt-message snt-message-warning">
          {t('refreshExpiresSoon', new Date(status.refreshExpiresAt).toLocaleDateString())}
        </div>
      )}
    </div>
  );
}
