import { useEffect, useRef, useState } from 'react';
import { format, useStrings } from '../i18n';
import { ACCOUNT } from './account';
import { useMark } from '../marks';

/**
 * Imitation of the Microsoft account manager ("MeControl"). As on the real portal once it has
 * loaded, #mectrl_currentAccount_primary (display name) and #mectrl_currentAccount_secondary (UPN)
 * are always in the DOM; the flyout holding them is only hidden while closed.
 */
export function AccountControl() {
  const t = useStrings();
  const mark = useMark();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (ev: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(ev.target as Node)) setOpen(false);
    };
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="mectrl_root" id="O365_MeFlexPane_ButtonID_container" ref={rootRef} {...mark('account-control')}>
      <button
        type="button"
        id="mectrl_main_trigger"
        className="mectrl_trigger"
        aria-label={format(t.account.buttonLabel, { name: ACCOUNT.displayName })}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="mectrl_main_body"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="mectrl_profilepic mectrl_initials" id="mectrl_headerPicture" aria-hidden="true">
          {ACCOUNT.initials}
        </span>
      </button>
      <div id="mectrl_main_body" className="mectrl_body" hidden={!open} role="dialog" aria-label={ACCOUNT.displayName}>
        <div className="mectrl_header">
          <span className="mectrl_company">{ACCOUNT.tenant}</span>
          <a id="mectrl_body_signOut" className="mectrl_link" href="#signout" onClick={(ev) => ev.preventDefault()}>
            {t.account.signOut}
          </a>
        </div>
        <div className="mectrl_accountInfo">
          <div className="mectrl_profilepic mectrl_initials mectrl_large" aria-hidden="true">
            {ACCOUNT.initials}
          </div>
          <div className="mectrl_accountDetails">
            <div id="mectrl_currentAccount_primary" className="mectrl_name mectrl_truncate">
              {ACCOUNT.displayName}
            </div>
            <div id="mectrl_currentAccount_secondary" className="mectrl_truncate">
              {ACCOUNT.userPrincipalName}
            </div>
            <a id="mectrl_viewAccount" className="mectrl_link" href="#account" onClick={(ev) => ev.preventDefault()}>
              {t.account.viewAccount}
            </a>
          </div>
        </div>
      </div>
    </div>
  );
}
