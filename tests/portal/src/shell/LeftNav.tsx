import { Nav, type INavLink, type INavLinkGroup } from '@fluentui/react';
import type { MouseEvent } from 'react';
import { useStrings } from '../i18n';
import { navigate, type Route } from '../router';
import { useMark } from '../marks';

/** Left navigation (Fluent Nav). Links are real hrefs; clicks navigate with pushState. */
export function LeftNav({ route }: { route: Route }) {
  const t = useStrings();
  const mark = useMark();
  const links: INavLink[] = [
    { key: 'home', name: t.nav.home, url: '/homepage', icon: 'Home' },
    { key: 'incidents', name: t.nav.incidents, url: '/incidents', icon: 'ShieldAlert' },
    { key: 'hunting', name: t.nav.hunting, url: '/v2/advanced-hunting', icon: 'Search' },
    { key: 'actionCenter', name: t.nav.actionCenter, url: '/action-center', icon: 'Flag' },
    { key: 'threatAnalytics', name: t.nav.threatAnalytics, url: '/threatanalytics3', icon: 'BarChartVertical' },
    { key: 'securescore', name: t.nav.secureScore, url: '/securescore?viewid=overview', icon: 'Trophy2' },
    { key: 'learningHub', name: t.nav.learningHub, url: '/learning-hub', icon: 'Library' },
    { key: 'trials', name: t.nav.trials, url: '/trialHorizontalHub', icon: 'Giftbox' },
    { key: 'settings', name: t.nav.settings, url: '/preferences2', icon: 'Settings' },
  ];
  const groups: INavLinkGroup[] = [{ links }];
  const selectedKey = route === 'home' ? 'home' : route === 'securescore' ? 'securescore' : undefined;
  const onLinkClick = (ev?: MouseEvent<HTMLElement>, item?: INavLink) => {
    if (!item?.url) return;
    ev?.preventDefault();
    navigate(item.url);
  };
  return (
    <div className="portal-nav" {...mark('portal-nav')}>
      <Nav groups={groups} selectedKey={selectedKey ?? ''} onLinkClick={onLinkClick} ariaLabel={t.nav.label} />
    </div>
  );
}
