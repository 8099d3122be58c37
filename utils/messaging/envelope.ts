import { isObject } from '../domain/guards';
import type { SerializedError } from '../errors';

// How a message travels through browser.runtime: an envelope on our own channel, and a reply
// that carries either the value or a serialised error.

export const CHANNEL = 'snt/1';

export interface Envelope {
  channel: typeof CHANNEL;
  name: string;
  payload: unknown;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function isEnvelope(value: unknown): value is Envelope {
  return isObject(value) && value.channel === CHANNEL && typeof value.name === 'string';
}
