import { writeFileSync } from 'node:fs';
import type { World } from '../../support/world';
import { PORTAL } from '../../support/world';
import { flyoutShareButton, openFlyoutShareMenu, portalPath } from '../../e2e/pages/portal-page';
import { hotFrames, timeByOwner, type CpuProfile } from '../cpu-profile';
import { pageScript } from '../page-scripts';
import { ms, pct, type Section } from '../table';

// Main-thread time of the extension while the portal churns list rows, next to a naive poller
// doing the same DOM job in the same tab at the same time. The DevTools protocol's sampling
// profiler (Profiler, whole renderer main thread) attributes each sample to the innermost frame
// with a script URL: chrome-extension://<our id>/… is ours, bench-naive-poller.js the naive
// poller (its own isolated world, like a content script), bench-list-churn.js the churn.

export interface MainThreadCounts {
  durationMs: number;
  rows: number;
  intervalMs: number;
  naiveIntervalMs: number;
}

const SAMPLING_INTERVAL_US = 200;
const WARM_UP_MS = 1000;

export async function measureMainThread(world: World, counts: MainThreadCounts): Promise<Section> {
  const page = await world.context.newPage();
  const cdp = await world.context.newCDPSession(page);
  try {
    await page.addInitScript({ content: pageScript('list-churn') });
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: pageScript('naive-poller', { __INTERVAL_MS__: counts.naiveIntervalMs }),
      worldName: 'bench-naive-poller',
    });
    // The imitation's churn switch on as well: unrelated nodes in the body and in the layer host.
    await page.goto(PORTAL + portalPath('/securescore?viewid=actions&actionId=AdminMFAV2', { churn: true }));
    await page.locator('.ms-Panel').waitFor();
    // Our content script is running once our item shows up in a Share menu.
    await openFlyoutShareMenu(page);
    await page.locator('[role="menu"] [data-snt-item]').waitFor();
    await flyoutShareButton(page).click();
    await page.locator('[role="menu"]').waitFor({ state: 'detached' });

    const churn = (rows: number, interval: number, duration: number) =>
      page.evaluate(`window.__benchListChurn.run(${rows}, ${interval}, ${duration})`) as Promise<{ ticks: number; wallMs: number }>;
    await churn(counts.rows, counts.intervalMs, WARM_UP_MS);

    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    const run = await churn(counts.rows, counts.intervalMs, counts.durationMs);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Profiler.disable');
    // BENCH_CPU_PROFILE=<file.cpuprofile>: keep the profile, to open in DevTools' Performance panel.
    if (process.env.BENCH_CPU_PROFILE) writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(profile));

    const ours = `chrome-extension://${world.extensionId}/`;
    const time = timeByOwner(profile, (url) => {
      if (url.startsWith(ours)) return 'ours';
      if (url.endsWith('bench-naive-poller.js')) return 'naive';
      if (url.endsWith('bench-list-churn.js')) return 'churn';
      if (url.startsWith(PORTAL)) return 'portal';
      return null;
    });
    const wall = (profile.endTime - profile.startTime) / 1000;
    const oursMs = time.get('ours') ?? 0;
    const naiveMs = time.get('naive') ?? 0;
    const ratio = naiveMs / oursMs;
    const rate = run.ticks / (run.wallMs / 1000);
    return {
      rows: [
        {
          id: 'main-thread-share',
          figure: `main-thread time in the extension, ${counts.rows} list rows churned every ${counts.intervalMs} ms for ${counts.durationMs / 1000} s (share of wall time)`,
          value: oursMs / wall,
          measured: `${pct(oursMs / wall)} (${ms(oursMs, 0)})`,
          target: '≤ 1 %',
          baseline: `naive ${counts.naiveIntervalMs} ms poller ${pct(naiveMs / wall)} (${ms(naiveMs, 0)})`,
          pass: oursMs / wall <= 0.01,
        },
        {
          id: 'main-thread-vs-naive',
          figure: 'naive poller time ÷ extension time (same tab, same churn)',
          value: ratio,
          measured: `${ratio.toFixed(2)}×`,
          target: '≥ 10×',
          baseline: `naive ${ms(naiveMs, 0)}`,
          pass: ratio >= 10,
        },
      ],
      notes: [
        `main thread: ${run.ticks} churn ticks in ${ms(run.wallMs, 0)} (${rate.toFixed(1)}/s of ${(1000 / counts.intervalMs).toFixed(0)}/s asked); ` +
          `profile ${ms(wall, 0)}: extension ${ms(oursMs, 0)}, naive poller ${ms(naiveMs, 0)}, churn script ${ms(time.get('churn') ?? 0, 0)}, portal ${ms(time.get('portal') ?? 0, 0)}; ` +
          `extension per churn tick ${ms(oursMs / run.ticks, 2)}`,
        `main thread, the extension's hottest frames (content script function line:column): ` +
          (hotFrames(profile, (url) => url.startsWith(ours)).map((f) => `${f.frame} ${ms(f.ms, 0)}`).join(', ') || 'none'),
      ],
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
