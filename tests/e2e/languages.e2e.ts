import { afterEach, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world';

// F5.1: the extension's UI follows the browser language (the browser picks _locales/<lang>).

let world: World | undefined;
afterEach(() => world?.close());

test.each([
  ['de', 'Nicht eingerichtet', 'Bereitstellungs-Checkliste'],
  ['ja', '未設定', undefined],
  ['zh-CN', '未设置', undefined],
])('a browser in %s gets the popup in that language', async (lang, notSetUp, checklist) => {
  world = await startWorld({ lang });
  const popup = await world.openExtensionPage('popup.html');
  await popup.getByTestId('connection-state').filter({ hasText: notSetUp }).waitFor();
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh-CN' ? 'zh-CN' : lang);
  if (checklist) await popup.getByRole('heading', { name: checklist }).waitFor();
});

test('a browser in an unsupported language gets English', async () => {
  world = await startWorld({ lang: 'pt-BR' });
  const popup = await world.openExtensionPage('popup.html');
  await popup.getByTestId('connection-state').filter({ hasText: 'Not set up' }).waitFor();
});
