// ServiceNow encoded queries (sysparm_query), built in one place. Conditions are joined with `^`,
// which a value cannot escape: a value holding `^` (or, in a list, `,`) would change the query,
// so it is refused instead of sent.
// https://docs.servicenow.com/csh?topicname=c_EncodedQueryStrings.html

const FIELD = /^[a-z_][a-z0-9_.]*$/i;

function field(name: string): string {
  if (!FIELD.test(name)) throw new Error(`Not a field name: ${name.slice(0, 40)}`);
  return name;
}

function value(text: string): string {
  if (/[\^\n\r]/.test(text))
    throw new Error(`An encoded query value cannot hold "^" or a line break: ${text.slice(0, 40)}`);
  return text;
}

function listValue(text: string): string {
  if (text.includes(',')) throw new Error(`A value of an IN list cannot hold ",": ${text.slice(0, 40)}`);
  return value(text);
}

export const condition = {
  equals: (name: string, text: string) => `${field(name)}=${value(text)}`,
  startsWith: (name: string, text: string) => `${field(name)}STARTSWITH${value(text)}`,
  contains: (name: string, text: string) => `${field(name)}LIKE${value(text)}`,
  in: (name: string, texts: readonly string[]) => `${field(name)}IN${texts.map(listValue).join(',')}`,
  /** Any one of the conditions (`a^ORb`; binds tighter than `^`, as in ServiceNow). */
  anyOf: (conditions: readonly string[]) => conditions.join('^OR'),
  orderBy: (name: string) => `ORDERBY${field(name)}`,
  orderByDesc: (name: string) => `ORDERBYDESC${field(name)}`,
};

/** The conditions (and orderings) as one encoded query; empty parts are left out. */
export function encodedQuery(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join('^');
}
