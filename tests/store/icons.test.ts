import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { iconFiles, PUBLIC_DIR, readIconSource, renderIcon, variantSvg } from './icons';
import { decodePng, maxChannelDifference, pngSize } from './png';

// The committed PNGs are the drawing as it is now: `npm run icons` after any change to
// public/icon/icon.svg. A small tolerance absorbs anti-aliasing differences between CPUs.

const TOLERANCE = 8;
const source = readIconSource();

describe.each(iconFiles())('public/$path', (file) => {
  const path = join(PUBLIC_DIR, file.path);

  test('exists, is a PNG of its size, and matches public/icon/icon.svg', () => {
    expect(existsSync(path), `${file.path} is missing: run npm run icons`).toBe(true);
    const committed = readFileSync(path);
    expect(pngSize(committed)).toEqual({ width: file.size, height: file.size });
    const difference = maxChannelDifference(decodePng(committed), decodePng(renderIcon(source, file)));
    expect(difference, `${file.path} differs from public/icon/icon.svg: run npm run icons`).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('the drawing', () => {
  test('each state shows its own badge, so the toolbar icons differ', () => {
    const [connected, attention, disconnected] = (['connected', 'attention', 'disconnected'] as const).map((state) =>
      decodePng(renderIcon(source, { path: '', size: 32, variant: state })),
    );
    expect(maxChannelDifference(connected!, attention!)).toBeGreaterThan(100);
    expect(maxChannelDifference(connected!, disconnected!)).toBeGreaterThan(100);
    expect(maxChannelDifference(attention!, disconnected!)).toBeGreaterThan(100);
  });

  test('a drawing without a state group is refused rather than rendered without its badge', () => {
    expect(() => variantSvg('<svg><g id="artwork"></g></svg>', 'connected')).toThrow(/badge-connected/);
  });

  test('a changed drawing is detected', () => {
    const file = iconFiles().find((f) => f.size === 32 && f.variant === 'plain')!;
    const changed = source.replace('fill="url(#tile)"', 'fill="#C50F1F"');
    const difference = maxChannelDifference(decodePng(readFileSync(join(PUBLIC_DIR, file.path))), decodePng(renderIcon(changed, file)));
    expect(difference).toBeGreaterThan(TOLERANCE);
  });
});
