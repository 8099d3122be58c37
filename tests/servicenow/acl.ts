// Who may do what: the ACLs and the cross-scope policy switch, decided in one place for the
// Table API and the Aggregate API.
import { rest, type ScopedOperation } from './errors.ts';
import type { TableName } from './schema.ts';
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
 */
export function authorize(state: StandInState, user: UserRow, table: TableName, op: Operation): (row: Row) => boolean {
  if (table === 'sys_user') {
    if (op !== 'read') throw op === 'create' ? rest.aclInsert() : op === 'write' ? rest.aclUpdate() : rest.aclDelete();
    if (hasRole(user, 'itil', 'admin')) return () => true;
    return (row) => row.sys_id === user.sys_id;
  }
  if (state.crossScopeBlocked) throw rest.crossScope(SCOPED[op]);
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
      // itil may not delete tasks on a base instance.
      if (hasRole(user, 'admin')) return () => true;
      throw rest.aclDelete();
  }
}
