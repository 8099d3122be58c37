// Who may do what: the ACLs and the cross-scope policy switch, decided in one place for the
// Table API and the Aggregate API.
import { rest, type ScopedOperation } from './errors.ts';
import { isStoredTable, type StoredTable, type TableName } from './schema.ts';
import type { Row, StandInState, UserRow } from './state.ts';

export type Operation = 'read' | 'create' | 'write' | 'delete';

const SCOPED: Record<Operation, ScopedOperation> = { read: 'Read', create: 'Create', write: 'Write', delete: 'Delete' };

function hasRole(user: UserRow, ...roles: string[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/**
 * Throws the refusal for `op`, or returns the row filter that applies (row-level read ACL).
 *
 * Reads of change_request/incident without itil or admin: a real instance may answer 200 with
 * the rows filtered away; by default the stand-in answers 403 "Insufficient rights" so the
 * product's "can read" check gets a clear signal (state.settings.aclReadDenied = 'empty'
 * switches to the filtered behaviour). sys_user: itil/admin read everyone, others only
 * themselves (so the current-user query always works); writes to sys_user are refused.
 *
 * task (the parent table, read through the Table and Aggregate APIs only): reads follow the same
 * rules as change_request/incident (itil/admin, cross-scope switch, aclReadDenied), or are always
 * 403 with state.settings.taskReadDenied (an instance hardened to refuse the parent table).
 * Writes are refused with the ACL answer of the operation (403 "Operation Failed"), which is how
 * an instance refuses them (the Table API itself supports every method on every table, so 405
 * would not be realistic); a real instance might let an admin write task records.
 */
export function authorize(state: StandInState, user: UserRow, table: TableName, op: Operation): (row: Row) => boolean {
  if (isStoredTable(table)) return authorizeStored(state, user, table, op);
  if (table === 'sys_user') {
    if (op !== 'read') throw op === 'create' ? rest.aclInsert() : op === 'write' ? rest.aclUpdate() : rest.aclDelete();
    if (hasRole(user, 'itil', 'admin')) return () => true;
    return (row) => row.sys_id === user.sys_id;
  }
  if (state.crossScopeBlocked) throw rest.crossScope(SCOPED[op]);
  if (table === 'task') {
    if (op !== 'read') throw op === 'create' ? rest.aclInsert() : op === 'write' ? rest.aclUpdate() : rest.aclDelete();
    if (state.settings.taskReadDenied) throw rest.aclRead();
  }
  switch (op) {
    case 'read':
      if (hasRole(user, 'itil', 'admin')) return () => true;
      if (state.settings.aclReadDenied === 'empty') return () => false;
      throw rest.aclRead();
    case 'create':
      if (hasRole(user, 'itil', 'admin')) return () => true;
      throw rest.aclInsert();
    case 'write':
      if (hasRole(user, 'itil', 'admin')) return () => true;
      throw rest.aclUpdate();
    case 'delete':
      // itil may not delete tasks on a base instance (settings.deleteAccess 'itil' allows it).
      if (hasRole(user, 'admin') || (state.settings.deleteAccess === 'itil' && hasRole(user, 'itil'))) return () => true;
      throw rest.aclDelete();
  }
}

/**
 * Reference data and configuration: readable per settings.readAccess (refused like task reads:
 * 403 "Insufficient rights", or no rows with aclReadDenied 'empty'); never written through the
 * Table API here (an instance would let admin write them; the stand-in takes them via /__admin/).
 */
function authorizeStored(state: StandInState, user: UserRow, table: StoredTable, op: Operation): (row: Row) => boolean {
  if (op !== 'read') throw op === 'create' ? rest.aclInsert() : op === 'write' ? rest.aclUpdate() : rest.aclDelete();
  const access = state.settings.readAccess[table];
  const allowed = access === 'all' || (access === 'itil' && hasRole(user, 'itil', 'admin')) || (access === 'admin' && hasRole(user, 'admin'));
  if (allowed) return () => true;
  if (state.settings.aclReadDenied === 'empty') return () => false;
  throw rest.aclRead();
}
