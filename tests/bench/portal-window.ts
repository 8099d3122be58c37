// The imitation portal's test hook (tests/portal/src/portalApi.ts), as far as the bench uses it.

export interface PortalHook {
  actions: readonly { id: string }[];
  openAction(id: string): void;
  navigate(url: string): void;
}

export type PortalWindow = Window & { __portal: PortalHook };
