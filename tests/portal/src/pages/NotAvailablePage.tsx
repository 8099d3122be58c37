import { useStrings } from '../i18n';
import { useMark } from '../marks';

/** /ticketProvisioning and every unknown path: the shell with an (almost) empty main area. */
export function NotAvailablePage() {
  const t = useStrings();
  const mark = useMark();
  return (
    <div className="page page-unavailable" {...mark('page-unavailable')}>
      <h1 className="page-title">{t.unavailable.title}</h1>
      <p>{t.unavailable.body}</p>
    </div>
  );
}
