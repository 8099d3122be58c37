// Everything an instance checks before it stores a change request or incident written through
// the Table API, in order: references point at existing records, choice fields hold active
// choices, data policies' mandatory fields are filled, no business rule aborts. Admin writes and
// bulk seeding skip these (like a script with setWorkflow(false)).
import { activeChoiceValues, referencedRow } from './choices.ts';
import { schemaOf } from './dictionary.ts';
import { rest } from './errors.ts';
import { businessRuleRefusal, enforceBusinessRules, enforceDataPolicies, type WriteOperation } from './policies.ts';
import { seedSysId } from './seed-reference.ts';
import type { TaskTable } from './seed.ts';
import type { Row, StandInState } from './state.ts';

/** Reference targets the stand-in can check (the ones it stores). */
const CHECKED_TARGETS = new Set(['sys_user', 'sys_user_group', 'cmdb_ci']);

/** The business rule a customized instance uses to refuse references to deleted records. */
export const REFERENCE_RULE = { name: 'Abort on invalid reference', sys_id: seedSysId('sys_script', 'Abort on invalid reference') };

/** Checks the record as it would be stored; `changed` are the fields this write sets. */
export function checkWrite(state: StandInState, table: TaskTable, row: Row, op: WriteOperation, changed: string[]): void {
  const schema = schemaOf(state, table);
  for (const field of changed) {
    const def = schema[field];
    const value = row[field] ?? '';
    if (!def || value === '') continue;
    if (def.type === 'reference' && CHECKED_TARGETS.has(def.refTable ?? '') && !referencedRow(state, def.refTable, value)) {
      // A base instance stores the dangling sys_id (its display value is then empty); with
      // settings.invalidReference 'refuse' (the default) a business rule refuses it.
      if (state.settings.invalidReference === 'refuse') throw businessRuleRefusal(table, REFERENCE_RULE.name, REFERENCE_RULE.sys_id);
    }
    if (def.choiceList && state.settings.invalidChoice === 'refuse') {
      const allowed = activeChoiceValues(state, table, field);
      if (!allowed.includes(value)) throw rest.badRequest(`Invalid value '${value}' for choice field '${field}'`, `Send the value of an active choice (sys_choice): ${allowed.join(', ')}`);
    }
  }
  enforceDataPolicies(state, table, row);
  enforceBusinessRules(state, table, row, op);
}
