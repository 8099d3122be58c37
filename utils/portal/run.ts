import { installE2eBridge } from './e2e-bridge';
import { startFeatures, type Feature } from './feature-manager';
import { connectCard } from './features/connect-card';
import { provisioningPage } from './features/provisioning-page';
import { shareMenu } from './features/share-menu';
import { actionStatus } from './features/action-status';
import { homeCards } from './features/home-cards';
import { ticketListPage } from './features/ticket-list-page';

const features: Feature[] = [connectCard, provisioningPage, shareMenu, homeCards, actionStatus, ticketListPage];

/** The content script's whole job: start the overlay features for the current portal page. */
export function run(lifetime: AbortSignal): void {
  if (import.meta.env.MODE === 'e2e') installE2eBridge(lifetime);
  startFeatures(features, lifetime);
}
