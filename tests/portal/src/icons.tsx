// Offline replacement for initializeIcons() (which loads the MDL2 icon font from a CDN).
//
// The icons are registered exactly like @fluentui/font-icons-mdl2 does: a font subset whose icons are
// the MDL2 code points, so Fluent renders the same DOM as the real portal:
//   <i data-icon-name="Share" aria-hidden="true" class="ms-Icon root-… css-…">\uE72D</i>
// (the private-use glyph is the element's text, as on the real portal, so textContent of a button
// includes it). The font itself is not available offline, so CSS hides the glyph
// (-webkit-text-fill-color) and paints a small SVG outline through a mask on ::after instead.
import { registerIcons } from '@fluentui/react';

/** MDL2 code points (from @fluentui/font-icons-mdl2). */
const CODES: Record<string, string> = {
  Share: '\uE72D',
  Link: '\uE71B',
  Mail: '\uE715',
  TeamsLogo: '\uF27B',
  PlannerLogo: '\uEDD1',
  OpenInNewWindow: '\uE8A7',
  EditNote: '\uED9D',
  Edit: '\uE70F',
  More: '\uE712',
  ChevronRight: '\uE76C',
  ChevronRightMed: '\uE974',
  ChevronRightSmall: '\uE970',
  ChevronDown: '\uE70D',
  ChevronDownMed: '\uE972',
  ChevronDownSmall: '\uE96E',
  ChevronUp: '\uE70E',
  ChevronUpMed: '\uE971',
  ChevronLeft: '\uE76B',
  DoubleChevronDown: '\uEE04',
  DoubleChevronUp: '\uEDBD',
  Cancel: '\uE711',
  Clear: '\uE894',
  Home: '\uE80F',
  Shield: '\uEA18',
  Warning: '\uE7BA',
  Search: '\uE721',
  Settings: '\uE713',
  Help: '\uE897',
  Waffle: '\uED89',
  GlobalNavButton: '\uE700',
  Info: '\uE946',
  Completed: '\uE930',
  CheckMark: '\uE73E',
  StatusCircleCheckmark: '\uF13E',
  CircleRing: '\uEA3A',
  ErrorBadge: '\uEA39',
  Error: '\uE783',
  Blocked2: '\uECE4',
  SortUp: '\uEE68',
  SortDown: '\uEE69',
  Sort: '\uE8CB',
  Filter: '\uE71C',
  Trophy2: '\uF1AE',
  People: '\uE716',
  Contact: '\uE77B',
  Devices3: '\uEA6C',
  Lightbulb: '\uEA80',
  Library: '\uE8F1',
  Giftbox: '\uEC1F',
  Flag: '\uE7C1',
  Ringer: '\uEA8F',
  AlertSolid: '\uF331',
  BarChartVertical: '\uE9EC',
  ReportDocument: '\uE9F9',
  ShieldAlert: '\uF7D7',
  Add: '\uE710',
  Refresh: '\uE72C',
  Download: '\uE896',
};

/** Simple 16×16 outline glyphs (stroke paths). */
const PATHS: Record<string, string> = {
  Share: 'M10 2l4 4-4 4M14 6H8a5 5 0 0 0-5 5v2',
  Link: 'M7 9l2-2M6 6l-2 2a2.5 2.5 0 0 0 3.5 3.5l1-1M10 10l2-2a2.5 2.5 0 0 0-3.5-3.5l-1 1',
  Mail: 'M2 4h12v8H2zM2 4l6 5 6-5',
  TeamsLogo: 'M2 4h8v8H2zM4 6h4M6 6v5M11 6h3v5h-3M12.5 2.5a1.2 1.2 0 1 1 0 .1',
  PlannerLogo: 'M3 2h10v12H3zM5 5h2v2H5zM9 5h2M5 9h2v2H5zM9 9h2',
  OpenInNewWindow: 'M9 2h5v5M14 2L7 9M12 9v5H2V4h5',
  EditNote: 'M2 2h8l3 3v3M2 2v12h5M4 6h5M4 9h3M9 14l1-3 4-4 2 2-4 4z',
  Edit: 'M3 13l1-3 7-7 2 2-7 7zM10 4l2 2',
  More: 'M3 8h.01M8 8h.01M13 8h.01',
  ChevronRight: 'M6 3l5 5-5 5',
  ChevronRightMed: 'M6 3l5 5-5 5',
  ChevronRightSmall: 'M7 5l3 3-3 3',
  ChevronDown: 'M3 6l5 5 5-5',
  ChevronDownMed: 'M3 6l5 5 5-5',
  ChevronDownSmall: 'M5 7l3 3 3-3',
  ChevronUp: 'M3 10l5-5 5 5',
  ChevronUpMed: 'M3 10l5-5 5 5',
  ChevronLeft: 'M10 3L5 8l5 5',
  DoubleChevronDown: 'M4 3l4 4 4-4M4 8l4 4 4-4',
  DoubleChevronUp: 'M4 8l4-4 4 4M4 13l4-4 4 4',
  Cancel: 'M3 3l10 10M13 3L3 13',
  Clear: 'M4 4l8 8M12 4l-8 8',
  Home: 'M2 8l6-6 6 6M4 6v8h8V6',
  Shield: 'M8 1l6 2v5c0 3-3 6-6 7-3-1-6-4-6-7V3z',
  Warning: 'M8 2l7 12H1zM8 6v4M8 12v.5',
  Search: 'M6.5 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10 10l4 4',
  Settings: 'M8 5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.5 1.5M11.5 11.5L13 13M3 13l1.5-1.5M11.5 4.5L13 3',
  Help: 'M6 6a2 2 0 1 1 3 1.7c-.6.4-1 .8-1 1.3v1M8 12v.5M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z',
  Waffle: 'M3 3h.01M8 3h.01M13 3h.01M3 8h.01M8 8h.01M13 8h.01M3 13h.01M8 13h.01M13 13h.01',
  GlobalNavButton: 'M2 4h12M2 8h12M2 12h12',
  Info: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM8 7v5M8 4.5v.5',
  Completed: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM5 8l2 2 4-4',
  CheckMark: 'M3 8l3 3 7-7',
  StatusCircleCheckmark: 'M5 8l2 2 4-4',
  CircleRing: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z',
  ErrorBadge: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM5.5 5.5l5 5M10.5 5.5l-5 5',
  Error: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM8 4v5M8 11v.5',
  Blocked2: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM3 3l10 10',
  SortUp: 'M8 14V2M4 6l4-4 4 4',
  SortDown: 'M8 2v12M4 10l4 4 4-4',
  Sort: 'M5 2v12M2 5l3-3 3 3M11 14V2M8 11l3 3 3-3',
  Filter: 'M2 3h12l-5 6v5l-2-1V9z',
  Trophy2: 'M4 2h8v4a4 4 0 0 1-8 0zM4 3H2v1a2 2 0 0 0 2 2M12 3h2v1a2 2 0 0 1-2 2M8 10v3M5 14h6',
  People: 'M6 3a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM1 14c0-3 2-5 5-5s5 2 5 5M11 3a2.5 2.5 0 0 1 0 5M12 9c2 .5 3 2.5 3 5',
  Contact: 'M8 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM2 15c0-3.5 2.5-6 6-6s6 2.5 6 6',
  Devices3: 'M1 3h10v7H1zM4 13h4M6 10v3M12 5h3v9h-3z',
  Lightbulb: 'M8 1a5 5 0 0 1 3 9v2H5v-2a5 5 0 0 1 3-9zM6 14h4',
  Library: 'M2 2h3v12H2zM6 2h3v12H6zM10 3l3-1 2 11-3 1z',
  Giftbox: 'M2 6h12v3H2zM3 9h10v5H3zM8 6v8M8 6C6 2 4 3 5 5M8 6c2-4 4-3 3-1',
  Flag: 'M3 15V2M3 2h9l-2 3 2 3H3',
  Ringer: 'M4 11V7a4 4 0 0 1 8 0v4l1 2H3zM7 14h2',
  AlertSolid: 'M8 2l7 12H1zM8 6v4M8 12v.5',
  BarChartVertical: 'M3 14V8M8 14V3M13 14V6M1 14h14',
  ReportDocument: 'M3 1h7l3 3v11H3zM5 7h6M5 10h6M5 13h4',
  ShieldAlert: 'M8 1l6 2v5c0 3-3 6-6 7-3-1-6-4-6-7V3zM8 5v4M8 11v.5',
  Add: 'M8 2v12M2 8h12',
  Refresh: 'M13 3v4H9M13 7a5 5 0 1 0-1 4',
  Download: 'M8 2v9M4 7l4 4 4-4M2 14h12',
};

function svgUrl(d: string): string {
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.3' ` +
    `stroke-linecap='round' stroke-linejoin='round'><path d='${d}'/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

function iconCss(): string {
  const rules = [
    'i[data-icon-name]{position:relative;min-width:1em;text-align:center;-webkit-text-fill-color:transparent;}',
    // Only icons this subset draws get the painted outline: another name (an icon box the
    // extension fills with its own SVG) shows what it contains, as with the real icon font.
    'i[data-icon-name]::after{content:var(--portal-icon-content,none);position:absolute;left:50%;top:50%;width:1em;height:1em;' +
      'transform:translate(-50%,-50%);background-color:currentColor;pointer-events:none;' +
      '-webkit-mask:var(--portal-icon) center/contain no-repeat;mask:var(--portal-icon) center/contain no-repeat;}',
  ];
  for (const [name, d] of Object.entries(PATHS)) rules.push(`i[data-icon-name="${name}"]{--portal-icon:${svgUrl(d)};--portal-icon-content:"";}`);
  return rules.join('\n');
}

export const ICON_NAMES = Object.keys(CODES);

let registered = false;

export function registerPortalIcons(): void {
  if (registered) return;
  registered = true;
  registerIcons({
    style: {
      MozOsxFontSmoothing: 'grayscale',
      WebkitFontSmoothing: 'antialiased',
      fontStyle: 'normal',
      fontWeight: 'normal',
      speak: 'none',
    },
    // local() only: no network request for the icon font.
    fontFace: { fontFamily: '"FabricMDL2Icons"', src: "local('FabricMDL2Icons')" },
    icons: CODES,
  });
  const style = document.createElement('style');
  style.id = 'portal-icon-glyphs';
  style.textContent = iconCss();
  document.head.appendChild(style);
}
