// @vitest-environment node
// What real Chromium does when the instance closes a connection after creating the record but
// before any answer byte (drop-before-answer): on a REUSED keep-alive connection it resends the
// POST by itself, on a new connection, and fetch() only sees the second answer — two records for
// one fetch, and no lookup in between. This is the fault the product must survive; these tests
// pin Chromium's behaviour so the stand-in's model of it stays true.
//
// Page fetches run with --disable-web-security from about:blank (the stand-in, like an instance,
// sends no CORS headers); the extension's worker fetches with host permissions use the same
// network stack (HttpNetworkTransaction's resend of requests on reused sockets).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCertificate, PROJECT_ROOT } from '../support/certs.ts';
import { findChromium } from '../support/chromium.ts';
import { PUBLIC_CLIENT } from './seed.ts';
import { startServiceNow, type ServiceNowStandIn } from './server.ts';
import type { LogEntry } from './state.ts';
import { connect, target } from './test-client.ts';

const SLOW = { timeout: 60_000 };
const INC = '/api/now/table/incident';

let browser: Browser;
const standIns: Record<'http' | 'https', { sn: ServiceNowStandIn; token: string }> = {} as never;

beforeAll(async () => {
  const tmp = join(PROJECT_ROOT, '.tmp', 'chromium-resend');
  mkdirSync(tmp, { recursive: true });
  const tls = await testCertificate();
  for (const scheme of ['http', 'https'] as const) {
    const sn = await startServiceNow({ port: 0, tls: scheme === 'https' ? tls : undefined, settings: { blockUiLoginForServiceAccounts: false } });
    standIns[scheme] = { sn, token: (await connect(target(sn), PUBLIC_CLIENT, 'svc_m365')).access_token };
  }
  browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-web-security', '--ignore-certificate-errors', '--disable-quic', '--disable-background-networking', '--no-first-run'],
    env: { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_CACHE_HOME: join(tmp, 'cache') } as Record<string, string>,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(standIns).map((s) => s.sn.close()));
});

interface Outcome {
  fetch: { status: number } | { error: string };
  posts: LogEntry[];
  records: string[];
}

/** One POST from a fresh browser context (its own connection pool), optionally after a GET that opens a keep-alive connection. */
async function postFromChromium(scheme: 'http' | 'https', warm: boolean, correlationId: string): Promise<Outcome> {
  const { sn, token } = standIns[scheme];
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    const result = await page.evaluate(
      async ({ base, token, warm, correlationId }) => {
        const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
        if (warm) await (await fetch(`${base}/api/now/table/incident?sysparm_limit=1`, { headers })).text();
        try {
          const res = await fetch(`${base}/api/now/table/incident`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ short_description: 'one click', correlation_id: correlationId }),
          });
          await res.text();
          return { status: res.status };
        } catch (e) {
          return { error: String(e) };
        }
      },
      { base: sn.url, token, warm, correlationId },
    );
    const posts = sn.state.getLog().filter((e) => e.method === 'POST' && e.correlation_id === correlationId);
    const records = [...sn.state.tables.incident.rows.values()].filter((r) => r.correlation_id === correlationId).map((r) => r.number!);
    return { fetch: result, posts, records };
  } finally {
    await context.close();
  }
}

describe('Chromium and a connection closed after processing, before any answer byte', () => {
  for (const scheme of ['http', 'https'] as const) {
    it(`${scheme}: on a reused keep-alive connection Chromium resends the POST itself — two records, fetch sees 201`, SLOW, async () => {
      standIns[scheme].sn.state.addFault({ match: INC, method: 'POST', kind: 'drop-before-answer' });
      const out = await postFromChromium(scheme, true, `resend-${scheme}`);
      expect(out.fetch).toEqual({ status: 201 });
      expect(out.posts).toHaveLength(2);
      const [first, resent] = out.posts as [LogEntry, LogEntry];
      expect(first).toMatchObject({ status: 0, fault: 'drop-before-answer', connection_request: 2 });
      expect(resent).toMatchObject({ status: 201, connection_request: 1 });
      expect(resent.fault).toBeUndefined();
      expect(resent.connection).not.toBe(first.connection);
      expect(out.records).toHaveLength(2);
      expect(new Set([first.created!.number, resent.created!.number])).toEqual(new Set(out.records));
    });
  }

  it('on a new connection Chromium does not resend: fetch fails, one record exists', SLOW, async () => {
    standIns.https.sn.state.addFault({ match: INC, method: 'POST', kind: 'drop-before-answer' });
    const out = await postFromChromium('https', false, 'fresh');
    expect(out.fetch).toEqual({ error: 'TypeError: Failed to fetch' });
    expect(out.posts).toHaveLength(1);
    expect(out.posts[0]).toMatchObject({ connection_request: 1, fault: 'drop-before-answer' });
    expect(out.records).toHaveLength(1);
  });

  it('it resends once only: when the resend is dropped too, fetch fails and two records exist', SLOW, async () => {
    standIns.https.sn.state.addFault({ match: INC, method: 'POST', kind: 'drop-before-answer', times: 3 });
    const out = await postFromChromium('https', true, 'twice');
    expect(out.fetch).toEqual({ error: 'TypeError: Failed to fetch' });
    expect(out.posts.map((p) => p.fault)).toEqual(['drop-before-answer', 'drop-before-answer']);
    expect(out.records).toHaveLength(2);
    standIns.https.sn.state.clearFaults();
  });

  it('an answer broken off half-way (drop-after) is not resent: one attempt, one record, fetch fails', SLOW, async () => {
    standIns.https.sn.state.addFault({ match: INC, method: 'POST', kind: 'drop-after' });
    const out = await postFromChromium('https', true, 'half');
    expect(out.fetch).toEqual({ error: expect.stringMatching(/TypeError/) });
    expect(out.posts).toHaveLength(1);
    expect(out.records).toHaveLength(1);
  });
});
