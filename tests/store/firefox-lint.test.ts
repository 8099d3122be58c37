import { describe, expect, test } from 'vitest';
import { isPreactInnerHtml, type LintMessage } from './firefox-lint';
import type { PackageFiles } from './package-files';

// The one accepted web-ext lint warning is recognised by the code it points at, nothing looser.

const PREACT = 'u=="dangerouslySetInnerHTML"?g=f:u=="value"?x=f:0;if(g)c||w&&(g.__html==w.__html||g.__html==e.innerHTML)||(e.innerHTML=g.__html),t.__k=[];';
const files = (text: string): PackageFiles => ({ source: 'test', paths: ['a.js'], read: async (path) => (path === 'a.js' ? Buffer.from(text) : undefined) });
const at = (text: string, needle: string): LintMessage => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'a.js', line: 1, column: text.indexOf(needle) + 1 });

describe('isPreactInnerHtml', () => {
  test("accepts Preact's dangerouslySetInnerHTML assignment", async () => {
    expect(await isPreactInnerHtml(files(PREACT), at(PREACT, 'e.innerHTML=g.__html'))).toBe(true);
  });

  test('refuses an innerHTML assignment of other code, even one shaped like it', async () => {
    const ours = 'function show(e,g){e.innerHTML=g.__html}';
    expect(await isPreactInnerHtml(files(ours), at(ours, 'e.innerHTML=g.__html'))).toBe(false);
    const text = `${PREACT}function show(e,t){e.innerHTML=t.title}`;
    expect(await isPreactInnerHtml(files(text), at(text, 'e.innerHTML=t.title'))).toBe(false);
  });

  test('refuses other warning codes, unknown files and missing positions', async () => {
    const message = at(PREACT, 'e.innerHTML=g.__html');
    expect(await isPreactInnerHtml(files(PREACT), { ...message, code: 'DANGEROUS_EVAL' })).toBe(false);
    expect(await isPreactInnerHtml(files(PREACT), { ...message, file: 'b.js' })).toBe(false);
    expect(await isPreactInnerHtml(files(PREACT), { ...message, column: undefined })).toBe(false);
  });
});
