// Shape checks for untrusted values (message payloads, stored drafts, ServiceNow answers).

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isEmptyObject = (v: unknown): v is Record<string, never> => isObject(v) && Object.keys(v).length === 0;

export const isBoundedString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** No keys but these (some may be missing). */
export const hasOnlyKeys = (v: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(v).every((k) => keys.includes(k));

/** Exactly these keys, each present. */
export const hasExactKeys = (v: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(v).length === keys.length && keys.every((k) => Object.hasOwn(v, k));

export const isIntInRange = (v: unknown, min: number, max: number): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

export const isOneOf = <T>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v);

/** A ServiceNow record id: 32 lowercase hex characters (anything else never goes into a URL path). */
export const isSysId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);
