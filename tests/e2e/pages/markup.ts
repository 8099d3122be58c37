import { afterAll, beforeAll, describe } from 'vitest';
import { markupFromEnv, type SwitchDefaults } from '../../portal/server';
import { MARKUPS, type Markup } from '../../portal/src/markup';
import type { World } from '../../support/world';

// Running end-to-end tests on each markup of the imitation portal (default, bare, alt).
//
// - A whole run on one markup: PORTAL_MARKUP=bare npx vitest run -c vitest.e2e.config.ts tests/e2e/share.e2e.ts
//   (the portal server then renders every fresh tab in that markup; see tests/portal/server.ts), or
//   all three one after the other with a summary: npx tsx tests/portal/run-markups.ts tests/e2e/share.e2e.ts
// - Inside one file: forEachMarkup(() => world, (markup) => { test(…) }) repeats the tests once per
//   markup in the same world (all three, or only PORTAL_MARKUP's when that is set).

export { MARKUPS, type Markup };

/** The markups a forEachMarkup block runs: PORTAL_MARKUP's alone when set, else all three. */
export function markupsUnderTest(): Markup[] {
  const only = markupFromEnv();
  return only ? [only] : [...MARKUPS];
}

/**
 * Declares `body`'s tests once per markup (describe "markup=<m>"): while a block runs, every portal
 * tab the world opens renders in that markup (unless its address sets markup=… itself).
 */
export function forEachMarkup(world: () => World, body: (markup: Markup) => void): void {
  describe.each(markupsUnderTest())('markup=%s', (markup) => {
    let previous: SwitchDefaults = {};
    beforeAll(() => {
      const portal = world().portal;
      previous = portal.switchDefaults;
      portal.setSwitchDefaults({ ...previous, markup });
    });
    afterAll(() => world().portal.setSwitchDefaults(previous));
    body(markup);
  });
}
