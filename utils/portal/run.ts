import { installE2eBridge } from './e2e-bridge';
import { startFeatures, type Feature } from './feature-manager';
import { connectCard } from './features/connect-card';
import { provisioningPage } from './features/provisioning-page';
import { shareMenu } from './features/share-menu';
import { actionStatus } from './features/action-status';
import { homeCards } from './features/home-cards';
import { ticketListPage } from './features/ticket-list-page';
import { portalDiagnosticsFeature } from './features/diagnostics';
import { onDomChange } from './observe';
import { answerTabRequests } from './tab-requests';
import { removeLeftoverUi } from './leftovers';
import { soleOverlay } from './sole-overlay';

const features: Feature[] = [
  connectCard,
  provisioningPage,
  shareMenu,
  homeCards,
  actionStatus,
  ticketListPage,
  portalDiagnosticsFeature,
];

/**
 * The content script's whole job: start the overlay features for the current portal page.
 * `lifetime` aborts when the extension is updated, reloaded or removed (WXT's context
 * invalidation): every feature then removes what it put into the page, so the new content
 * script takes over alone. `isInvalid` notices an orphaned script (the extension went away and
 * no new script started) on the next DOM change.
 */
export function run(wxtLifetime: AbortSignal, isInvalid: () => boolean = () => false): void {
  const lifetime = soleOverlay(wxtLifetime);
  if (import.meta.env.MODE === 'e2e') installE2eBridge(lifetime);
  removeLeftoverUi();
  onDomChange(() => void isInvalid(), { signal: lifetime });
  answerTabRequests(lifetime);
  startFeatures(features, lifetime);
}
