import { join } from 'node:path';
import { PROJECT_ROOT } from './certs';
import { CUSTOM_DOMAIN, INSTANCE, PORTAL, startWorld } from './world';

// `npm run demo`: the built extension in Chromium against the local portal and ServiceNow
// stand-in. Close the browser (or press Ctrl+C) to stop everything.

const headless = process.env.DEMO_HEADLESS === 'true';
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run the demo on a desktop session, or under `xvfb-run npm run demo`.');
  process.exit(1);
}

const world = await startWorld({
  extensionDir: join(PROJECT_ROOT, '.output', 'chrome-mv3'),
  headless,
  userDataDir: join(PROJECT_ROOT, '.tmp', 'demo-profile'),
  // DEMO_LANG=de (fr, it, ja, zh-CN) shows the extension in that language.
  lang: process.env.DEMO_LANG,
});

const home = await world.openPortal('/homepage');
await world.openExtensionPage('options.html');
await home.bringToFront();

console.log(`
ServiceNow Tickets demo is running.
  Portal (local imitation):   ${PORTAL}/homepage  -> 127.0.0.1:${world.portal.port}
  ServiceNow stand-in:        https://${INSTANCE} (and ${CUSTOM_DOMAIN}) -> 127.0.0.1:${world.servicenow.port}

Connect in the options page with
  Instance:  contoso
  Client ID: m365-public-client            (public client, PKCE, no secret)
         or: m365-private-client + secret m365-private-secret
  Sign in as svc_m365 / Passw0rd!          (integration user; jane.admin and no.roles also exist)

Close the browser or press Ctrl+C to stop.`);

const stop = async () => {
  await world.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
world.context.on('close', () => void stop());
if (headless && process.env.DEMO_EXIT_AFTER_MS) setTimeout(() => void stop(), Number(process.env.DEMO_EXIT_AFTER_MS));
