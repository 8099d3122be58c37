import type { Category, Status } from '../data/types';

/** Every UI chrome string of the imitation portal. */
export interface Strings {
  /** BCP 47 tag set on html[lang]. */
  htmlLang: string;
  appTitle: string;
  searchPlaceholder: string;
  appLauncher: string;
  settings: string;
  help: string;
  account: {
    /** aria-label of the account button; {name} is replaced. */
    buttonLabel: string;
    viewAccount: string;
    signOut: string;
  };
  nav: {
    label: string;
    home: string;
    incidents: string;
    hunting: string;
    actionCenter: string;
    threatAnalytics: string;
    secureScore: string;
    learningHub: string;
    trials: string;
    settings: string;
  };
  home: {
    title: string;
    cardsLabel: string;
    viewDetails: string;
    secureScoreTitle: string;
    secureScoreBody: string;
    devicesTitle: string;
    devicesBody: string;
    usersTitle: string;
    usersBody: string;
    incidentsTitle: string;
    incidentsBody: string;
    threatTitle: string;
    threatBody: string;
  };
  secureScore: {
    title: string;
    overview: string;
    actions: string;
    yourScore: string;
    pointsAchieved: string;
    topActions: string;
    /** "{n} items" */
    itemsCount: string;
    loading: string;
  };
  columns: {
    rank: string;
    title: string;
    scoreImpact: string;
    points: string;
    status: string;
    category: string;
    product: string;
  };
  status: Record<Status, string>;
  category: Record<Category, string>;
  flyout: {
    manage: string;
    share: string;
    notes: string;
    /** markup=alt: the flyout's first Pivot tab (the second is `implementation`). */
    overviewTab: string;
    atAGlance: string;
    description: string;
    userImpact: string;
    implementation: string;
    prerequisites: string;
    nextSteps: string;
    loading: string;
    notFound: string;
    close: string;
  };
  share: {
    copyLink: string;
    email: string;
    teams: string;
    planner: string;
  };
  feedback: {
    linkCopied: string;
    email: string;
    teams: string;
    planner: string;
    manage: string;
    notes: string;
    editStatus: string;
  };
  rowMenu: {
    moreActions: string;
    editStatus: string;
    viewDetails: string;
  };
  unavailable: {
    title: string;
    body: string;
  };
}
