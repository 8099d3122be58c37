import { PORTAL_ORIGIN } from '@/utils/domain/portal-links';
import { run } from '@/utils/portal/run';

export default defineContentScript({
  matches: [`${PORTAL_ORIGIN}/*`],
  runAt: 'document_idle',
  main(ctx) {
    // ctx.isInvalid aborts ctx.signal once the extension context is gone (reload, update).
    run(ctx.signal, () => ctx.isInvalid);
  },
});
