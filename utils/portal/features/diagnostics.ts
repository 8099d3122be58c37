import { isPath, type Feature } from '../feature-manager';
import { recordPortalVisit } from '../diagnostics/recorder';

/** Self-diagnosis without telemetry (issue 12 item 4): what the overlay found, kept locally. */
export const portalDiagnosticsFeature: Feature = {
  id: 'diagnostics',
  include: (url) => isPath(url, '/securescore', '/', '/homepage'),
  init(signal) {
    recordPortalVisit(signal);
  },
};
