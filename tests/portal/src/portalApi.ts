// window.__portal: the test hook of the imitation portal.
import { ACTIONS } from './data/actions';
import { loadActions } from './data/store';
import { titleOf } from './data/types';
import { stringsFor } from './i18n';
import { homeCards } from './pages/home/cards';
import { lastRenderTick } from './rerender';
import { navigate, secureScoreUrl } from './router';
import { getSwitches, setSwitch, subscribeSwitches, SWITCH_NAMES, type Lang, type Markup, type ShareButtonMode, type Switches } from './switches';

export interface PortalActionInfo {
  id: string;
  title: string;
  /** The title as the list and the flyout show it in the current language. */
  shownTitle: string;
  category: string;
  product: string;
  status: string;
  scoreImpact: string;
  /** In-app address of the action's flyout. */
  url: string;
}

export interface PortalApi {
  /** Resolves once the app has rendered and its page data has loaded (after ~1.5 s with slow=1). */
  readonly ready: Promise<void>;
  readonly isReady: boolean;
  /** The improvement actions of the imitation tenant (English titles). */
  readonly actions: readonly PortalActionInfo[];
  /** Snapshot of all switches. */
  readonly switches: Switches;
  lang: Lang;
  /** 0 = off; otherwise the re-render interval in ms (setting `true`/1 means 150 ms). */
  rerender: number;
  /** 0 = off; otherwise the data/flyout delay in ms (setting `true`/1 means 1500 ms). */
  slow: number;
  churn: boolean;
  sharebutton: ShareButtonMode;
  markup: Markup;
  /** The native home page cards (id as in data-testid="card-<id>", title in the current language). */
  readonly homeCards: readonly { id: string; title: string }[];
  /** Increments with every whole-app re-render of the `rerender` switch (0 while it is off). */
  readonly renderTick: number;
  /** In-app navigation (history.pushState), e.g. navigate('/securescore?viewid=actions'). */
  navigate(url: string): void;
  /** Opens the flyout of an action (pushState to /securescore?viewid=actions&actionId=…). */
  openAction(id: string): void;
  readonly fluentVersion: string;
}

declare global {
  interface Window {
    __portal: PortalApi;
    __xss?: unknown;
  }
}

let mounted!: () => void;
const mountedPromise = new Promise<void>((resolve) => (mounted = resolve));
let isReady = false;

/** Called by the App after its first commit. */
export function markMounted(): void {
  mounted();
}

export function installPortalApi(fluentVersion: string): PortalApi {
  // html[data-portal-ready] is one of our data-* hooks: markup=default only.
  const markReady = () => {
    if (isReady && getSwitches().markup === 'default') document.documentElement.setAttribute('data-portal-ready', 'true');
    else document.documentElement.removeAttribute('data-portal-ready');
  };
  const ready = Promise.all([mountedPromise, loadActions()]).then(() => {
    isReady = true;
    markReady();
  });
  subscribeSwitches(markReady);
  const api = {
    ready,
    get isReady() {
      return isReady;
    },
    get actions(): PortalActionInfo[] {
      return ACTIONS.map((a) => ({
        id: a.id,
        title: a.title,
        shownTitle: titleOf(a, getSwitches().lang),
        category: a.controlCategory,
        product: a.product,
        status: a.status,
        scoreImpact: a.scoreImpact,
        url: secureScoreUrl('actions', a.id),
      }));
    },
    get homeCards() {
      return homeCards(stringsFor(getSwitches().lang), ACTIONS).map(({ id, title }) => ({ id, title }));
    },
    get renderTick() {
      return lastRenderTick();
    },
    get switches() {
      return { ...getSwitches() };
    },
    navigate(url: string) {
      navigate(url);
    },
    openAction(id: string) {
      navigate(secureScoreUrl('actions', id));
    },
    fluentVersion,
  } as unknown as PortalApi;
  for (const name of SWITCH_NAMES) {
    Object.defineProperty(api, name, {
      enumerable: true,
      get: () => getSwitches()[name],
      set: (v: unknown) => setSwitch(name, v),
    });
  }
  window.__portal = api;
  return api;
}
