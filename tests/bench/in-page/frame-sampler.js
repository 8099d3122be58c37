// Bench only, runs in a page's main world before the page's own scripts (addInitScript).
// `window.__benchFrames.onFrame(callback)`: calls `callback(now)` once per rendered frame, as
// late as script can run before that frame is painted, so it sees what the frame shows.
//
// Why not sample in requestAnimationFrame itself: rAF callbacks run in the order they were
// requested, and a sampler re-requests its callback in the previous frame, so it runs before
// callbacks requested later (the portal's, the extension's) that still change this frame.
// ResizeObserver callbacks run after all rAF callbacks and after style and layout, right before
// paint: the sampler's rAF callback resizes a 1 px probe, and the observer's callback samples.
(() => {
  const callbacks = [];
  let probe = null;
  let wide = false;

  function start() {
    probe = document.createElement('div');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:fixed;left:0;top:0;height:1px;width:1px;pointer-events:none;visibility:hidden;contain:strict';
    document.documentElement.append(probe);
    new ResizeObserver(() => {
      const now = performance.now();
      for (const callback of callbacks) callback(now);
    }).observe(probe);
    const tick = () => {
      wide = !wide;
      probe.style.width = wide ? '2px' : '1px';
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  window.__benchFrames = {
    onFrame(callback) {
      callbacks.push(callback);
      if (!probe) {
        if (document.documentElement) start();
        else document.addEventListener('readystatechange', start, { once: true });
      }
    },
  };
})();
