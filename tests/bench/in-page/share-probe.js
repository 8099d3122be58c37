// Bench only, runs in the portal page's main world before the page's scripts (after
// frame-sampler.js). Watches Share menus (a role=menu container holding the built-in Share
// items) and our item (data-snt-item) in them:
// - latency: a MutationObserver created before any menu exists (so it is called before the
//   extension's own observer) stamps performance.now() when a Share menu container is inserted
//   without our item, and again when our item is first in it; a requestAnimationFrame callback
//   requested at insertion stamps the start of the next frame, so the latency splits into
//   "waiting for the next frame" and "after it started";
// - frames: once per rendered frame (frame-sampler.js), during an opening, whether a rendered
//   Share menu is on screen, and whether our item is in it and last.
// The bench drives one opening in few round trips:
// - `prepare(counted)` starts an opening (counted or warm-up) and resolves with the Share button's
//   box at the end of the first frame in which a click at its centre would hit it (the
//   re-rendering command bar is re-created while idle, with a hidden measuring pass);
// - after sending input, `settle()` resolves 'missed' when the last click did not reach the Share
//   button (Enter on a button clicks it too), 'lost' when the button was re-created before its
//   menu mounted, or 'ready' once the menu is open with our item in it;
// - `activate(by)` opens the menu from inside the page in one step (a click(), or focus +
//   Alt+ArrowDown, the keyboard shortcut of Fluent's menu buttons) and settles like `settle()`,
//   for when input from outside keeps missing the re-created button on a busy machine;
// - `close()` lets the portal re-render the open menu twice (its items are replaced, ours must
//   come back), clicks Share again and resolves once no menu is left, ending the opening;
// - `summary()` returns the counts.
(() => {
  const SHARE_ITEMS = ['Link', 'Mail', 'TeamsLogo', 'PlannerLogo'].map((name) => '[data-icon-name="' + name + '"]').join(', ');
  const OURS = '[data-snt-item]';
  const MENU = '[role="menu"]';
  const pending = new Map();
  const result = { openings: 0, frames: 0, framesOpen: 0, framesWithoutItem: 0, framesItemNotLast: 0, latencies: [], frameWaits: [], removedWithoutItem: 0, missedOpenings: [] };
  let active = false;
  let missedThisOpening = false;

  const isShareMenu = (menu) => menu.querySelector(SHARE_ITEMS) !== null;
  let activation = null;

  const onShareButton = (target) => {
    const button = target instanceof Element ? target.closest('button[aria-haspopup="true"]') : null;
    return Boolean(button && button.querySelector('[data-icon-name="Share"]'));
  };
  window.addEventListener('click', (event) => (activation = onShareButton(event.target)), { capture: true });

  function settle(now) {
    for (const [menu, stamps] of pending) {
      if (!menu.isConnected) {
        pending.delete(menu);
        if (active) result.removedWithoutItem++;
      } else if (menu.querySelector(OURS)) {
        pending.delete(menu);
        if (!active) continue;
        result.latencies.push(now - stamps.insertedAt);
        // NaN when our item came before the next frame started.
        result.frameWaits.push(stamps.frameAt === undefined ? NaN : stamps.frameAt - stamps.insertedAt);
      }
    }
  }

  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const menus = node.matches(MENU) ? [node] : node.querySelectorAll(MENU);
        for (const menu of menus) {
          // Nodes added and removed again within one batch never reached the screen.
          if (!menu.isConnected || pending.has(menu) || menu.querySelector(OURS) || !isShareMenu(menu)) continue;
          const stamps = { insertedAt: now, frameAt: undefined };
          pending.set(menu, stamps);
          requestAnimationFrame(() => {
            stamps.frameAt = performance.now();
          });
        }
      }
    }
    settle(now);
  }).observe(document, { childList: true, subtree: true });

  const SHARE_BUTTON = '.ms-Panel button[aria-haspopup="true"]';
  window.__benchFrames.onFrame(() => {
    if (!active) return;
    result.frames++;
    for (const menu of document.querySelectorAll(MENU)) {
      if (!isShareMenu(menu) || !menu.checkVisibility({ visibilityProperty: true })) continue;
      result.framesOpen++;
      const list = menu.querySelector('ul');
      const ours = menu.querySelector(OURS);
      if (!ours) {
        result.framesWithoutItem++;
        missedThisOpening = true;
      } else if (list && list.lastElementChild !== ours) {
        result.framesItemNotLast++;
      }
    }
  });

  // Each waiter resolves at the end of the first frame in which its condition gives a value (null: not yet).
  let waiters = [];
  const until = (condition) => new Promise((resolve) => waiters.push({ condition, resolve }));
  window.__benchFrames.onFrame(() => {
    waiters = waiters.filter((waiter) => {
      const value = waiter.condition();
      if (value === null) return true;
      waiter.resolve(value);
      return false;
    });
  });

  const shareButton = () => [...document.querySelectorAll(SHARE_BUTTON)].find((b) => b.querySelector('[data-icon-name="Share"]'));
  const ITEM_WAIT_MS = 30000;

  function settleOpening(startedAt) {
    if (activation !== true) return Promise.resolve('missed');
    return until(() => {
      const menu = [...document.querySelectorAll(MENU)].find(isShareMenu);
      if (menu && menu.querySelector(OURS)) return 'ready';
      if (!menu && !document.querySelector(SHARE_BUTTON + '[aria-expanded="true"]')) return 'lost';
      // Never ends otherwise: that is a failure of the extension, reported with what is open.
      if (performance.now() - startedAt > ITEM_WAIT_MS) return 'no item: ' + JSON.stringify([...document.querySelectorAll(MENU)].map((m) => m.outerHTML.slice(0, 1500)));
      return null;
    });
  }

  window.__benchShare = {
    prepare(counted) {
      active = counted;
      missedThisOpening = false;
      activation = null;
      return until(() => {
        const button = shareButton();
        if (!button) return null;
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return hit && hit.closest('button') === button ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
      });
    },
    settle() {
      return settleOpening(performance.now());
    },
    activate(by) {
      const startedAt = performance.now();
      return until(() => shareButton() || null).then((button) => {
        activation = null;
        if (by === 'click') {
          button.click();
        } else {
          button.focus();
          const init = { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40, which: 40, altKey: true, bubbles: true, cancelable: true };
          button.dispatchEvent(new KeyboardEvent('keydown', init));
          button.dispatchEvent(new KeyboardEvent('keyup', init));
          // Opened by a key, not a click: nothing to check the click against.
          activation = true;
        }
        return settleOpening(startedAt);
      });
    },
    close() {
      const tick = () => Number(document.querySelector('[data-render-tick]')?.getAttribute('data-render-tick') ?? NaN);
      const openedAt = tick();
      return until(() => (Number.isNaN(openedAt) || tick() >= openedAt + 2 ? true : null)).then(() => {
        const expanded = document.querySelector(SHARE_BUTTON + '[aria-expanded="true"]');
        if (expanded) expanded.click();
        return until(() => (document.querySelector(MENU) ? null : true));
      }).then(() => {
        if (active && missedThisOpening) result.missedOpenings.push(result.openings);
        if (active) result.openings++;
        active = false;
      });
    },
    summary() {
      return result;
    },
  };
})();
