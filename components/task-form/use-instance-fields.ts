import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  fieldsOfType,
  shownFields,
  valuesOf,
  type ChosenFields,
  type ChosenValue,
} from '@/utils/domain/field-defaults';
import { missingFields, type InstanceField } from '@/utils/domain/instance-fields';
import type { TicketType } from '@/utils/domain/ticket-type';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import type { SendOutcome } from '@/utils/outbox/outbox';
import type { TicketFormContext } from '@/utils/tickets/ticket-service';

/**
 * The instance's fields in the task form (F7): what the connected instance requires for the chosen
 * ticket type, prefilled from the defaults, plus what a refusal of this very ticket named (then
 * the outbox keeps the ticket and the form completes it: one ticket).
 */
export function useInstanceFields(context: TicketFormContext | null, type: TicketType, outcome: SendOutcome | null) {
  const [chosen, setChosen] = useState<ChosenFields>({});
  const [refused, setRefused] = useState<InstanceField[]>([]);

  // A data-policy refusal: the outbox item knows which fields the instance named.
  useEffect(() => {
    if (outcome?.state !== 'failed' || outcome.error?.code !== 'missing_fields') {
      if (outcome?.state === 'sent') setRefused([]);
      return;
    }
    let live = true;
    void send('listOutbox', {}).then(
      (items) => {
        const item = items.find((i) => i.id === outcome.outboxId);
        if (live) setRefused(item?.missingFields ?? []);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [outcome]);

  const required = useMemo(() => {
    const needed = new Set([...(context?.required?.[type] ?? []), ...refused]);
    return fieldsOfType(type).filter((f) => needed.has(f));
  }, [context, type, refused]);
  const shown = shownFields(type, { change_request: required, incident: required }, chosen);
  const values = valuesOf(type, chosen);
  const missing = missingFields(required, values);
  const errors = Object.fromEntries(missing.map((f) => [f, t('fieldRequiredByInstance')])) as Partial<
    Record<InstanceField, string>
  >;

  return {
    chosen,
    values,
    required,
    shown,
    missing,
    errors,
    /** The instance refused the sent ticket for these fields: the form completes it. */
    refused,
    change(field: InstanceField, value: ChosenValue | null) {
      setChosen((current) => {
        const next = { ...current };
        if (value) next[field] = value;
        else delete next[field];
        return next;
      });
    },
    /** Starts over with these values (the defaults of a ticket type, a restored draft). */
    reset: setChosen,
  };
}

export type InstanceFieldsState = ReturnType<typeof useInstanceFields>;
