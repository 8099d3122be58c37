import { useEffect, useState } from 'preact/hooks';
import { isPortalDiagnostics, type PortalDiagnostics } from '@/utils/domain/portal-diagnostics';
import { portalDiagnostics } from '@/utils/storage';

/** What the overlay found on the portal's last visits (storage.local), live; null until loaded. */
export function usePortalDiagnostics(): PortalDiagnostics | null {
  const [value, setValue] = useState<PortalDiagnostics | null>(null);
  useEffect(() => {
    let live = true;
    const accept = (stored: unknown) => live && setValue(isPortalDiagnostics(stored) ? stored : {});
    void portalDiagnostics.get().then(accept, () => accept({}));
    const stop = portalDiagnostics.watch(accept);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return value;
}
