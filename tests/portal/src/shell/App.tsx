import { useEffect } from 'react';
import { useSwitches } from '../hooks';
import { stringsFor } from '../i18n';
import { routeOf, useLocation } from '../router';
import { TickContext, useTicker } from '../rerender';
import { startChurn, stopChurn } from '../churn';
import { markMounted } from '../portalApi';
import { useMark } from '../marks';
import { Header } from './Header';
import { LeftNav } from './LeftNav';
import { HomePage } from '../pages/HomePage';
import { SecureScorePage } from '../pages/SecureScorePage';
import { NotAvailablePage } from '../pages/NotAvailablePage';

/** The portal shell: header, left nav and <main id="main-content"> with the current page. */
export function App() {
  const switches = useSwitches();
  const tickInfo = useTicker(switches.rerender);
  const location = useLocation();
  const route = routeOf(location.pathname);
  const t = stringsFor(switches.lang);
  const mark = useMark();

  useEffect(() => markMounted(), []);

  useEffect(() => {
    document.documentElement.lang = t.htmlLang;
  }, [t.htmlLang]);

  useEffect(() => {
    const page = route === 'home' ? t.home.title : route === 'securescore' ? t.secureScore.title : t.unavailable.title;
    document.title = `${page} - ${t.appTitle}`;
  }, [route, t]);

  useEffect(() => {
    if (!switches.churn) return undefined;
    startChurn();
    return stopChurn;
  }, [switches.churn]);

  return (
    <TickContext.Provider value={tickInfo}>
      <div className="portal-shell" {...mark('portal-shell', { 'data-render-tick': switches.rerender ? tickInfo.tick : undefined })}>
        <Header />
        <div className="portal-body">
          <LeftNav route={route} />
          <main className="portal-main" id="main-content" {...mark('page-main', { 'data-page': route })}>
            {route === 'home' && <HomePage />}
            {route === 'securescore' && <SecureScorePage />}
            {route === 'unavailable' && <NotAvailablePage />}
          </main>
        </div>
      </div>
    </TickContext.Provider>
  );
}
