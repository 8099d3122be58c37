import { useStrings } from '../i18n';

/** /ticketProvisioning and every unknown path: the shell with an (almost) empty main area. */
export function NotAvailablePage() {
  const t = useStrings();
  return (
    <div className="page page-unavailable" data-testid="page-unavailable">
      <h1 className="page-title">{t.unavailable.title}</h1>
      <p>{t.unavailable.body}</p>
    </div>
  );
}
