import { describe, expect, test } from 'vitest';
import { codeChallengeS256, createCodeVerifier, randomToken } from './pkce';

describe('PKCE', () => {
  test('matches the RFC 7636 appendix B example', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  test('verifiers are 43-128 unreserved characters and differ each time', () => {
    const a = createCodeVerifier();
    const b = createCodeVerifier();
    expect(a).toMatch(/^[A-Za-z0-9\-_]{43,128}$/);
    expect(a).not.toBe(b);
  });

  test('state tokens are URL-safe and unpredictable', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9\-_]+$/);
  });
});
