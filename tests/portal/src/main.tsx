import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { registerPortalIcons } from './icons';
import { installPortalApi } from './portalApi';
import { initSwitches } from './switches';
import './styles.css';

registerPortalIcons();
// Defaults the server gives a fresh tab (server.ts: startPortal({ switches }) / PORTAL_MARKUP).
const serverDefaults = document.querySelector<HTMLMetaElement>('meta[name="portal-switch-defaults"]')?.content;
initSwitches(window.location.search, serverDefaults);
installPortalApi(__FLUENT_VERSION__);

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('portal: #root missing');
createRoot(rootEl).render(<App />);
