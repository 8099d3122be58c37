import { IconButton, SearchBox } from '@fluentui/react';
import type { MouseEvent } from 'react';
import { useStrings } from '../i18n';
import { navigate } from '../router';
import { AccountControl } from './AccountControl';
import { useMark } from '../marks';

/** Top suite header: app launcher, product title, search, settings/help and the account control. */
export function Header() {
  const t = useStrings();
  const mark = useMark();
  const goHome = (ev: MouseEvent<HTMLAnchorElement>) => {
    ev.preventDefault();
    navigate('/homepage');
  };
  return (
    <header className="portal-header" {...mark('portal-header')} role="banner">
      <IconButton className="portal-header-button" iconProps={{ iconName: 'Waffle' }} ariaLabel={t.appLauncher} title={t.appLauncher} />
      <a className="portal-header-title" href="/homepage" onClick={goHome} {...mark('portal-title')}>
        {t.appTitle}
      </a>
      <div className="portal-header-search">
        <SearchBox placeholder={t.searchPlaceholder} ariaLabel={t.searchPlaceholder} />
      </div>
      <div className="portal-header-right">
        <IconButton className="portal-header-button" iconProps={{ iconName: 'Settings' }} ariaLabel={t.settings} title={t.settings} />
        <IconButton className="portal-header-button" iconProps={{ iconName: 'Help' }} ariaLabel={t.help} title={t.help} />
        <AccountControl />
      </div>
    </header>
  );
}
