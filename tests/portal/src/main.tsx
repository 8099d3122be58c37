import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { registerPortalIcons } from './icons';
import { installPortalApi } from './portalApi';
import { initSwitches } from './switches';
import './styles.css';

registerPortalIcons();
initSwitches(window.location.search);
installPortalApi(__FLUENT_VERSION__);

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('portal: #root missing');
createRoot(rootEl).render(<App />);
