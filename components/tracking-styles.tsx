import chartCss from './state-chart.css?inline';
import trackingCss from './tracking.css?inline';

/**
 * The tracking views' CSS as a <style> of their own tree: inside our shadow roots in the portal
 * (nothing leaks into the page, unlike a content-script CSS import), and in popup and options.
 */
export function TrackingStyles() {
  return <style>{trackingCss + chartCss}</style>;
}
