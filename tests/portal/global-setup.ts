import { buildPortal } from './build';
import { findChromium } from '../support/chromium';

/** Builds the imitation portal once per run (cached) for the portal's own browser tests. */
export default async function setup(): Promise<void> {
  findChromium(); // fail early, with install instructions, when there is no browser
  await buildPortal();
}
