import { INSTANCE_FIELDS, addRequired, type InstanceField, type RequiredFields } from '../domain/instance-fields';
import type { TicketType } from '../domain/ticket-type';
import { t } from '../i18n';
import type { ServiceNowClient } from '../servicenow/client';
import { fieldForLabel } from '../servicenow/field-labels';
import { dictionaryLabels, learnRequiredFields } from '../servicenow/required-fields';
import { requiredFields } from '../storage';

// The instance's required fields, remembered per connection (storage.requiredFields is cleared on
// disconnect): learned from what it lets us read when the checklist first passes, and from refusals.

export async function knownRequirements(client: ServiceNowClient): Promise<RequiredFields> {
  const stored = await requiredFields.get();
  if (stored) return stored;
  const learned = await learnRequiredFields(client);
  await requiredFields.set(learned);
  return learned;
}

/** The refusal's column labels as fields; labels neither the dictionary nor our table knows are left out. */
export async function learnFromRefusal(
  client: ServiceNowClient,
  type: TicketType,
  labels: readonly string[],
): Promise<InstanceField[]> {
  const dictionary = await dictionaryLabels(client, type);
  const fields = labels.map((label) => fieldForLabel(label, dictionary)).filter((f): f is InstanceField => f !== null);
  const known = (await requiredFields.get()) ?? { change_request: [], incident: [] };
  await requiredFields.set(addRequired(known, type, fields));
  return fields;
}

/** "assignment group, category" in the UI language, each field once across the ticket types. */
export function requirementNames(required: RequiredFields): string[] {
  const all = new Set([...required.change_request, ...required.incident]);
  return INSTANCE_FIELDS.filter((f) => all.has(f)).map((f) => t(`field_${f}`));
}
