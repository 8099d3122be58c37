import type { World } from '../../support/world';
import { BLANK_PAGE } from '../bench-extension';
import { pageScript } from '../page-scripts';
import { median, p95 } from '../stats';
import { ms, type Section } from '../table';

// Popup: from navigation start to the first rendered frame that shows the cached connection
// status, next to the same figure for a blank page of the extension (bench-blank.html), opened
// alternately in the same browser. The popup is opened as a tab (a browser cannot be made to
// open an action popup from a test); the page is the same.

const POPUP_STATUS = '[data-testid="connection-state"][data-state="connected"]';
const BLANK_TEXT = '#bench-blank';
const WARM_UP = 2;

interface Paint {
  shown: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
}

async function timeToPaint(world: World, path: string, selector: string): Promise<Paint> {
  const page = await world.context.newPage();
  try {
    await page.addInitScript({ content: pageScript('frame-sampler') + pageScript('paint-probe', { __SELECTOR__: JSON.stringify(selector) }) });
    await page.goto(`chrome-extension://${world.extensionId}/${path}`);
    const shown = (await page.evaluate('window.__benchPaint')) as number;
    return { shown, ...((await page.evaluate('window.__benchPaintSteps()')) as Omit<Paint, 'shown'>) };
  } finally {
    await page.close();
  }
}

/** Needs a connected extension (the popup paints the cached "Connected as …"). */
export async function measurePopup(world: World, opens: number): Promise<Section> {
  const popupPaints: Paint[] = [];
  const blankPaints: Paint[] = [];
  for (let i = 0; i < WARM_UP + opens; i++) {
    const p = await timeToPaint(world, 'popup.html', POPUP_STATUS);
    const b = await timeToPaint(world, BLANK_PAGE, BLANK_TEXT);
    if (i < WARM_UP) continue;
    popupPaints.push(p);
    blankPaints.push(b);
  }
  const popup = popupPaints.map((p) => p.shown);
  const blank = blankPaints.map((p) => p.shown);
  const steps = (paints: Paint[]) =>
    `DOMContentLoaded ${ms(median(paints.map((p) => p.domContentLoaded)), 0)}, first contentful paint ${ms(median(paints.map((p) => p.firstContentfulPaint).filter(Number.isFinite)), 0)}`;
  const popupMedian = median(popup);
  const blankMedian = median(blank);
  const ratio = popupMedian / blankMedian;
  return {
    rows: [
      {
        id: 'popup-paint-median',
        figure: `popup: open → first paint of the cached status, median of ${opens} (ratio to blank page)`,
        value: popupMedian,
        measured: `${ms(popupMedian, 0)} (${ratio.toFixed(2)}×)`,
        target: '≤ 100 ms',
        baseline: `blank extension page ${ms(blankMedian, 0)}`,
        pass: popupMedian <= 100,
      },
    ],
    notes: [
      `popup: status painted p95 ${ms(p95(popup), 0)}; medians: ${steps(popupPaints)}, status ${ms(popupMedian, 0)}; ` +
        `blank page: ${steps(blankPaints)}, its text ${ms(blankMedian, 0)}`,
    ],
  };
}
