// Bench only, runs in an extension page's main world before its scripts (after frame-sampler.js).
// `window.__benchPaint`: resolves with performance.now() (ms since navigation start) at the first
// rendered frame that shows an element matching __SELECTOR__ with text in it.
// `window.__benchPaintSteps()`: the page's DOMContentLoaded end and first contentful paint (ms).
(() => {
  const selector = __SELECTOR__;
  let settled = false;
  window.__benchPaint = new Promise((resolve) => {
    window.__benchFrames.onFrame((now) => {
      if (settled) return;
      const element = document.querySelector(selector);
      if (element && element.textContent.trim() !== '') {
        settled = true;
        resolve(now);
      }
    });
  });
  window.__benchPaintSteps = () => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : NaN, firstContentfulPaint: fcp ? fcp.startTime : NaN };
  };
})();
