import { run } from '@/utils/portal/run';

export default defineContentScript({
  matches: ['https://security.microsoft.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    run(ctx.signal);
  },
});
