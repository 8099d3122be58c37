/// <reference types="node" />
// Hostile answers: what a broken proxy, a look-alike or a misbehaving instance may send instead of
// the real answer. Each takes the real answer (when the request was carried out) and writes
// something the client must survive without trusting it.
import type { ServerResponse } from 'node:http';
import type { CapturedAnswer } from './answer-intercept.ts';
import { sendRaw } from './http-util.ts';

const JSON_TYPE = 'application/json;charset=UTF-8';
const MIB = 1024 * 1024;

function jsonHeaders(real: CapturedAnswer | undefined): Record<string, string | string[]> {
  return { ...(real?.headers ?? { Server: 'ServiceNow' }), 'Content-Type': JSON_TYPE };
}

/** The real answer's JSON (or a bare record when the request was not carried out). */
function realJson(real: CapturedAnswer | undefined): Record<string, unknown> {
  if (real) {
    try {
      const v: unknown = JSON.parse(real.body.toString('utf8'));
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // not JSON: fall through to the bare record
    }
  }
  return { result: { sys_id: '', number: '' } };
}

export function malformedJson(res: ServerResponse, status: number, real: CapturedAnswer | undefined): void {
  const text = JSON.stringify(realJson(real));
  // Looks like JSON and starts like the real answer, but a value is missing at the end.
  sendRaw(res, status, jsonHeaders(real), `${text.slice(0, -1)},"sys_id":}`);
}

export function emptyBody(res: ServerResponse, status: number, real: CapturedAnswer | undefined): void {
  sendRaw(res, status, jsonHeaders(real), '');
}

/** Every string value becomes another JSON type (number, boolean, array, object, null), in turn. */
function retype(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.entries(record).forEach(([k, v], i) => {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    switch (i % 5) {
      case 0: out[k] = [s]; break;
      case 1: out[k] = Number.isFinite(Number(s)) && s !== '' ? Number(s) : 404; break;
      case 2: out[k] = { value: { display_value: s } }; break;
      case 3: out[k] = true; break;
      default: out[k] = null;
    }
  });
  return out;
}

export function wrongTypes(res: ServerResponse, status: number, real: CapturedAnswer | undefined): void {
  const json = realJson(real);
  const result = json.result;
  const changed = Array.isArray(result)
    ? result.map((r) => (r && typeof r === 'object' ? retype(r as Record<string, unknown>) : 7))
    : result && typeof result === 'object'
      ? retype(result as Record<string, unknown>)
      : ['result'];
  sendRaw(res, status, jsonHeaders(real), JSON.stringify({ ...json, result: changed }));
}

const PROTO = '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}';

/** Inserts the keys as JSON text (JSON.stringify would never write a __proto__ key). */
function withProtoKeys(objectJson: string): string {
  return objectJson === '{}' ? `{${PROTO}}` : `{${PROTO},${objectJson.slice(1)}`;
}

export function protoKeys(res: ServerResponse, status: number, real: CapturedAnswer | undefined): void {
  const json = realJson(real);
  const result = json.result;
  const resultText = Array.isArray(result)
    ? `[${result.map((r) => withProtoKeys(JSON.stringify(r))).join(',')}]`
    : result && typeof result === 'object'
      ? withProtoKeys(JSON.stringify(result))
      : JSON.stringify(result ?? null);
  const rest = Object.entries(json).filter(([k]) => k !== 'result').map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('');
  sendRaw(res, status, jsonHeaders(real), `{${PROTO},"result":${resultText}${rest}}`);
}

/** Valid JSON, the real record, with a description of `sizeBytes` characters. */
export function hugeBody(res: ServerResponse, status: number, real: CapturedAnswer | undefined, sizeBytes = 5 * MIB): void {
  const json = realJson(real);
  const padding = 'A'.repeat(sizeBytes);
  const result = json.result;
  if (Array.isArray(result) && result[0] && typeof result[0] === 'object') (result[0] as Record<string, unknown>).description = padding;
  else if (result && typeof result === 'object' && !Array.isArray(result)) (result as Record<string, unknown>).description = padding;
  else json.padding = padding;
  sendRaw(res, status, jsonHeaders(real), JSON.stringify(json));
}

export function redirectElsewhere(res: ServerResponse, location: string): void {
  sendRaw(res, 302, { Server: 'ServiceNow', Location: location, 'Cache-Control': 'no-store' }, '');
}

/**
 * A 200 list that never ends: `{"result":[` then one record every `intervalMs` (chunked, no
 * Content-Length) until the client gives up or the stand-in closes. Records copy the real first
 * row (when there is one) with new sys_ids and numbers.
 */
export function endlessList(res: ServerResponse, real: CapturedAnswer | undefined, intervalMs = 10): void {
  if (res.destroyed) return;
  const rows = realJson(real).result;
  const template: Record<string, unknown> = Array.isArray(rows) && rows[0] && typeof rows[0] === 'object' ? { ...(rows[0] as Record<string, unknown>) } : { short_description: 'Endless list', state: '-5' };
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(real?.headers ?? {})) if (!/^(content-length|x-total-count|link)$/i.test(k)) headers[k] = v;
  res.writeHead(200, { Server: 'ServiceNow', ...headers, 'Content-Type': JSON_TYPE });
  res.write('{"result":[');
  let i = 0;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    if (res.destroyed || res.writableEnded) return;
    i++;
    const row = { ...template, sys_id: i.toString(16).padStart(32, 'f'), number: `END${String(i).padStart(7, '0')}` };
    const ok = res.write(`${i === 1 ? '' : ','}${JSON.stringify(row)}`);
    if (ok) timer = setTimeout(next, intervalMs);
    else res.once('drain', () => (timer = setTimeout(next, intervalMs)));
  };
  res.once('close', () => clearTimeout(timer));
  next();
}
