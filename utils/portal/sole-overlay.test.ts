import { expect, test } from 'vitest';
import { soleOverlay } from './sole-overlay';

test('a second copy in the same world stops the first before it starts; each stops with its own WXT context', () => {
  const firstWxt = new AbortController();
  const first = soleOverlay(firstWxt.signal);
  expect(first.aborted).toBe(false);
  const secondWxt = new AbortController();
  const second = soleOverlay(secondWxt.signal);
  expect(first.aborted).toBe(true);
  expect(second.aborted).toBe(false);
  firstWxt.abort(); // the first copy's late invalidation does not touch the second
  expect(second.aborted).toBe(false);
  secondWxt.abort();
  expect(second.aborted).toBe(true);
});

test('a copy whose WXT context is already invalid starts aborted', () => {
  const wxt = new AbortController();
  wxt.abort();
  expect(soleOverlay(wxt.signal).aborted).toBe(true);
});
