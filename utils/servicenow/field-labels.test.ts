import { describe, expect, it } from 'vitest';
import { addRequired, isInstanceFieldValues, missingFields, NOTHING_REQUIRED } from '../domain/instance-fields';
import { mapHttpError } from './errors';
import { fieldForLabel, mandatoryLabels } from './field-labels';

const REFUSAL = {
  error: {
    message: 'Operation Failed',
    detail: 'Data Policy Exception: \n\tThe following fields are mandatory: Assignment group, Category',
  },
  status: 'failure',
};

describe('required fields from what the instance says', () => {
  it('reads the column labels of a data-policy refusal', () => {
    expect(mandatoryLabels(REFUSAL.error.detail)).toEqual(['Assignment group', 'Category']);
    expect(mandatoryLabels('Operation against file was aborted')).toBeNull();
  });

  it('maps labels back to fields, by the dictionary first and in the languages ServiceNow answers in', () => {
    expect(fieldForLabel('Assignment group')).toBe('assignment_group');
    expect(fieldForLabel('Zuweisungsgruppe')).toBe('assignment_group');
    expect(fieldForLabel('Catégorie')).toBe('category');
    expect(fieldForLabel('Owning team', { assignment_group: 'Owning team' })).toBe('assignment_group');
    expect(fieldForLabel('Justification')).toBeNull();
  });

  it('turns the refusal into missing_fields naming them, and a business rule abort into a fix for the admin', () => {
    const error = mapHttpError(403, REFUSAL, new Headers(), 'contoso.service-now.com');
    expect(error.code).toBe('missing_fields');
    expect(error.extra.fields).toEqual(['Assignment group', 'Category']);
    const rule = mapHttpError(
      403,
      {
        error: {
          message: 'Operation Failed',
          detail: "Operation against file 'change_request' was aborted by Business Rule 'Block integration^abc'.",
        },
      },
      new Headers(),
      'contoso.service-now.com',
    );
    expect(rule.code).toBe('rule_refused');
    expect(rule.message).toMatch(/Block integration/);
    expect(rule.message).toMatch(/admin/);
  });

  it('keeps requirements per ticket type and finds the empty ones', () => {
    const required = addRequired(NOTHING_REQUIRED, 'change_request', ['category', 'assignment_group']);
    expect(required).toEqual({ change_request: ['assignment_group', 'category'], incident: [] });
    expect(missingFields(required.change_request, { assignment_group: 'abc' })).toEqual(['category']);
  });

  it('refuses field values that could change an encoded query or unknown fields', () => {
    expect(isInstanceFieldValues({ assignment_group: '0123abcd', category: 'network' })).toBe(true);
    expect(isInstanceFieldValues({ category: 'a^ORactive=true' })).toBe(false);
    expect(isInstanceFieldValues({ caller_id: 'x' })).toBe(false);
  });
});
