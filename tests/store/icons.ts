import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTENSION_ICON_SIZES,
  extensionIconPath,
  TOOLBAR_ICON_SIZES,
  TOOLBAR_ICON_STATES,
  toolbarIconPath,
  type ToolbarIconState,
} from '../../utils/toolbar/icon-paths';

// Every PNG icon comes from the one drawing public/icon/icon.svg: the plain icon at the extension
// sizes, and one variant per toolbar state (its badge group shown; greyed out when disconnected).
// resvg renders without fonts or system libraries, so the PNGs are the same on every machine.

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
export const ICON_SOURCE = join(PROJECT_ROOT, 'public', 'icon', 'icon.svg');
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

export type IconVariant = 'plain' | ToolbarIconState;

export interface IconFile {
  /** Path in the package and under public/, e.g. icon/connected-16.png */
  path: string;
  size: number;
  variant: IconVariant;
}

export function iconFiles(): IconFile[] {
  return [
    ...EXTENSION_ICON_SIZES.map((size) => ({ path: extensionIconPath(size), size, variant: 'plain' as const })),
    ...TOOLBAR_ICON_STATES.flatMap((state) =>
      TOOLBAR_ICON_SIZES.map((size) => ({ path: toolbarIconPath(state, size), size, variant: state })),
    ),
  ];
}

/** The drawing with the variant's badge group shown (and greyed out artwork when disconnected). */
export function variantSvg(source: string, variant: IconVariant): string {
  if (variant === 'plain') return source;
  const hidden = `<g id="badge-${variant}" display="none">`;
  if (!source.includes(hidden)) throw new Error(`${ICON_SOURCE} has no hidden group badge-${variant}`);
  let svg = source.replace(hidden, `<g id="badge-${variant}">`);
  if (variant === 'disconnected') {
    if (!svg.includes('<g id="artwork">')) throw new Error(`${ICON_SOURCE} has no group artwork`);
    svg = svg.replace('<g id="artwork">', '<g id="artwork" filter="url(#grey)" opacity="0.75">');
  }
  return svg;
}

export function renderIcon(source: string, file: IconFile): Buffer {
  return new Resvg(variantSvg(source, file.variant), { fitTo: { mode: 'width', value: file.size } }).render().asPng();
}

export function readIconSource(): string {
  return readFileSync(ICON_SOURCE, 'utf8');
}
