import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ticketPreferences, updateTicketPreferences, type TicketPreferences } from '@/utils/storage';

/** Options → Task form defaults: ticket type and due date offset (F2.2). Saved as you change them. */
export function DefaultsForm() {
  const [prefs, setPrefs] = useState<TicketPreferences | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void ticketPreferences.get().then((p) => {
      setPrefs(p);
      setDays(String(p.dueInDays));
    });
  }, []);
  if (!prefs) return null;

  const save = async (next: TicketPreferences) => {
    setPrefs(next);
    // Only what this form edits: the ServiceNow field defaults are saved by their own form.
    await updateTicketPreferences({ defaultType: next.defaultType, dueInDays: next.dueInDays });
    setSaved(true);
  };
  const changeDays = (value: string) => {
    setDays(value);
    setSaved(false);
    const n = Number(value);
    if (!/^\d{1,3}$/.test(value.trim()) || n > 365) {
      setError(t('dueInDaysError'));
      return;
    }
    setError(null);
    void save({ ...prefs, dueInDays: n });
  };

  return (
    <div class="snt-grid-2">
      <div class="snt-field">
        <label for="snt-default-type">{t('defaultTypeLabel')}</label>
        <select
          id="snt-default-type"
          class="snt-input"
          value={prefs.defaultType}
          onChange={(e) =>
            void save({ ...prefs, defaultType: e.currentTarget.value as TicketPreferences['defaultType'] })
          }
        >
          <option value="change_request">{t('typeChange')}</option>
          <option value="incident">{t('typeIncident')}</option>
        </select>
      </div>
      <div class="snt-field">
        <label for="snt-due-days">{t('dueInDaysLabel')}</label>
        <input
          id="snt-due-days"
          class="snt-input"
          inputMode="numeric"
          value={days}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'snt-due-days-error' : undefined}
          onInput={(e) => changeDays(e.currentTarget.value)}
        />
        {error && (
          <span id="snt-due-days-error" class="snt-message snt-message-error" role="alert">
            {error}
          </span>
        )}
      </div>
      {saved && (
        <span class="snt-muted" role="status">
          {t('saved')}
        </span>
      )}
    </div>
  );
}
