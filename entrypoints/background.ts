import browser from 'webextension-polyfill';
import { createConnectionService } from '@/utils/connection/connection-service';
import { AppError } from '@/utils/errors';
import { listen } from '@/utils/messaging';

export default defineBackground(() => {
  const connection = createConnectionService();
  // e2e builds only: lets tests drive the worker's own client (parallel calls, refresh).
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { __snt: { connection } });

  listen({
    ping: async ({ note }) => ({ pong: true, note, version: browser.runtime.getManifest().version }),
    getStatus: ({ refresh }) => (refresh ? connection.check() : connection.status()),
    saveConnection: async (input, sender) => {
      if (sender === 'portal' && input.clientSecret !== undefined) {
        throw new AppError('refused_sender', 'Enter the client secret in the extension options, not in the portal.');
      }
      return connection.saveSettings(input);
    },
    connect: () => connection.connect(),
    disconnect: ({ forget }) => connection.disconnect({ keepConfig: !forget }),
    openOptions: async () => {
      await browser.runtime.openOptionsPage();
      return true;
    },
  });
});
