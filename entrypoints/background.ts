import browser from 'webextension-polyfill';
import { listen } from '@/utils/messaging/dispatch';
import { onCommand } from '@/utils/worker/commands';
import { createServices } from '@/utils/worker/create-services';
import { takeOverOpenTabs } from '@/utils/worker/overlay-takeover';

export default defineBackground(() => {
  const worker = createServices();
  // e2e builds only: lets tests drive the worker's own services (parallel calls, refresh, outbox),
  // and run a keyboard command through its real handler (playwright cannot press browser shortcuts).
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { __snt: worker.services, __sntOnCommand: onCommand });
  // MV3: listeners must exist before the worker's first event is dispatched.
  listen(worker.handlers);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (Object.hasOwn(worker.alarms, alarm.name)) worker.alarms[alarm.name]?.();
  });
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // Chromium: the new overlay into portal tabs open before this install or update (Firefox does it itself).
  if (!import.meta.env.FIREFOX) {
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install' || reason === 'update') void takeOverOpenTabs();
    });
  }
  worker.start();
});
