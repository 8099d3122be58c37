import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ConnectionStatus } from '@/utils/domain/connection-status';
import { AppError, toAppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { originPattern, parseInstance } from '@/utils/servicenow/instance';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './use-action';

interface Props {
  status: ConnectionStatus;
  onStatus(status: ConnectionStatus): void;
}

/** Options → Connection (F1.1, F1.2, F1.6). */
export function ConnectionForm({ status, onStatus }: Props) {
  const [instance, setInstance] = useState(status.instanceHost ?? '');
  const [clientId, setClientId] = useState(status.clientId ?? '');
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [instanceError, setInstanceError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  // Follow the stored settings when they arrive or change elsewhere, unless the user is typing.
  useEffect(() => {
    if (!busy) {
      setInstance((v) => (v ? v : (status.instanceHost ?? '')));
      setClientId((v) => (v ? v : (status.clientId ?? '')));
    }
  }, [status.instanceHost, status.clientId]);

  const validateInstance = (value: string) => {
    try {
      parseInstance(value);
      setInstanceError(null);
      return true;
    } catch (e) {
      setInstanceError(toAppError(e).message);
      return false;
    }
  };

  const save = async () => {
    const next = await send('saveConnection', {
      instance,
      clientId,
      clientSecret: removeSecret ? '' : secret ? secret : undefined,
    });
    setSecret('');
    setRemoveSecret(false);
    onStatus(next);
    return next;
  };

  const { busy, error, run } = useAction({ onStart: () => setNotice(null) });

  const onSave = (event: Event) => {
    event.preventDefault();
    if (!validateInstance(instance)) return;
    void run(async () => {
      await save();
      setNotice(t('saved'));
    });
  };

  const onConnect = () => {
    if (!validateInstance(instance)) return;
    const parsed = parseInstance(instance);
    // Ask for a custom domain's host permission first, while the click still counts as a user gesture.
    const permission = parsed.isServiceNowCloud
      ? Promise.resolve(true)
      : browser.permissions.request({ origins: [originPattern(parsed)] });
    void run(async () => {
      if (!(await permission)) {
        throw new AppError('permission_refused', t('errBrowserPermissionRefused', parsed.host));
      }
      await save();
      onStatus(await send('connect', {}));
    });
  };

  const onRemove = () => {
    if (!confirm(t('removeConnectionConfirm'))) return;
    void run(async () => {
      onStatus(await send('disconnect', { forget: true }));
      setInstance('');
      setClientId('');
      setSecret('');
      setNotice(t('removed'));
    });
  };

  const copy = async () => {
    await navigator.clipboard.writeText(status.redirectUrl);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <form onSubmit={onSave} aria-label={t('connection')} noValidate>
      <div class="snt-field">
        <label for="snt-instance">{t('instanceLabel')}</label>
        <input
          id="snt-instance"
          class="snt-input"
          value={instance}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={instanceError ? 'true' : 'false'}
          aria-describedby="snt-instance-hint"
          onInput={(e) => setInstance(e.currentTarget.value)}
          onBlur={() => instance && validateInstance(instance)}
        />
        <span
          id="snt-instance-hint"
          class={instanceError ? 'snt-message snt-message-error' : 'snt-muted'}
          role={instanceError ? 'alert' : undefined}
        >
          {instanceError ?? t('instanceHint')}
        </span>
      </div>
      <div class="snt-field">
        <label for="snt-client-id">{t('clientIdLabel')}</label>
        <input
          id="snt-client-id"
          class="snt-input"
          value={clientId}
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => setClientId(e.currentTarget.value)}
        />
      </div>
      <div class="snt-field">
        <label for="snt-client-secret">{t('clientSecretLabel')}</label>
        <input
          id="snt-client-secret"
          class="snt-input"
          type="password"
          value={secret}
          autoComplete="new-password"
          placeholder={status.hasClientSecret ? '••••••••' : ''}
          aria-describedby="snt-secret-hint"
          onInput={(e) => setSecret(e.currentTarget.value)}
        />
        <span id="snt-secret-hint" class="snt-muted">
          {status.hasClientSecret ? t('clientSecretSaved') : t('clientSecretHint')}
        </span>
        {status.hasClientSecret && (
          <label class="snt-row" style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.currentTarget.checked)} />
            {t('removeSecret')}
          </label>
        )}
      </div>
      <div class="snt-field">
        <label for="snt-redirect">{t('redirectUrlLabel')}</label>
        <div class="snt-row">
          <input
            id="snt-redirect"
            class="snt-input"
            style={{ flex: 1 }}
            readOnly
            value={status.redirectUrl}
            aria-describedby="snt-redirect-hint"
          />
          <button type="button" class="snt-btn" onClick={copy}>
            {copied ? t('copied') : t('copy')}
          </button>
        </div>
        <span id="snt-redirect-hint" class="snt-muted">
          {t('redirectUrlHint')}
        </span>
      </div>
      <ErrorMessage error={error} />
      {notice && (
        <div class="snt-message snt-message-success" role="status">
          {notice}
        </div>
      )}
      <div class="snt-row" style={{ marginTop: '12px' }}>
        <button type="submit" class="snt-btn" disabled={busy}>
          {t('save')}
        </button>
        <button
          type="button"
          class="snt-btn snt-btn-primary"
          disabled={busy || status.state === 'connecting'}
          onClick={onConnect}
        >
          {status.state === 'connected' || status.state === 'reconnect_needed' ? t('reconnect') : t('connect')}
        </button>
        {status.state !== 'not_configured' && (
          <button type="button" class="snt-btn" disabled={busy} onClick={onRemove}>
            {t('removeConnection')}
          </button>
        )}
      </div>
    </form>
  );
}
