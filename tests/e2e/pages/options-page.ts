import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { World } from '../../support/world';

// Page objects: the extension's options page and the stand-in's sign-in window.

export const SVC = { user: 'svc_m365', password: 'Passw0rd!', name: 'SVC M365 Integration' };
export const PUBLIC_CLIENT = 'm365-public-client';
export const PRIVATE_CLIENT = { id: 'm365-private-client', secret: 'm365-private-secret' };

export class OptionsPage {
  private constructor(readonly page: Page, readonly world: World) {}

  static async open(world: World): Promise<OptionsPage> {
    const page = await world.openExtensionPage('options.html');
    await page.getByLabel('ServiceNow instance').waitFor();
    return new OptionsPage(page, world);
  }

  async fill({ instance, clientId, secret }: { instance: string; clientId: string; secret?: string }) {
    await this.page.getByLabel('ServiceNow instance').fill(instance);
    await this.page.getByLabel('OAuth client ID').fill(clientId);
    if (secret !== undefined) await this.page.getByLabel(/OAuth client secret/).fill(secret);
  }

  /** Clicks Connect and returns the authorization window. */
  async connect(): Promise<Page> {
    const popup = this.world.context.waitForEvent('page');
    await this.page.getByRole('button', { name: /^(Connect|Reconnect)$/ }).click();
    return popup;
  }

  state() {
    return this.page.getByTestId('connection-state');
  }

  async expectState(text: string | RegExp) {
    await this.state().filter({ hasText: text }).waitFor();
  }

  alert() {
    return this.page.getByRole('alert');
  }

  step(id: string) {
    return this.page.locator(`[data-step="${id}"]`);
  }

  async expectStep(id: string, state: 'ok' | 'warning' | 'failed' | 'pending') {
    await this.page.locator(`[data-step="${id}"][data-state="${state}"]`).waitFor();
  }
}

/** Signs in on the stand-in's login page (if shown) and answers the consent page. */
export async function signIn(auth: Page, { user = SVC.user, password = SVC.password, allow = true, waitForClose = true } = {}) {
  await auth.waitForLoadState();
  const userName = auth.getByLabel('User name');
  if (await userName.isVisible().catch(() => false)) {
    await userName.fill(user);
    await auth.getByLabel('Password').fill(password);
    await auth.getByRole('button', { name: 'Log in' }).click();
  }
  const closed = waitForClose ? auth.waitForEvent('close').catch(() => undefined) : undefined;
  await auth.getByRole('button', { name: allow ? 'Allow' : 'Deny' }).click();
  await closed;
}

export async function connectWith(world: World, options: OptionsPage, config: { clientId: string; secret?: string; user?: string }) {
  await options.fill({ instance: 'contoso', clientId: config.clientId, secret: config.secret });
  const auth = await options.connect();
  expect(auth.url()).toContain('/oauth_auth.do');
  await signIn(auth, { user: config.user });
}
