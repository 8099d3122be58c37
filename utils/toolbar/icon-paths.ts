// Where the extension's icons are in the package (public/icon/*.png, drawn once in public/icon/icon.svg and
// rendered by `npm run icons`). Shared by the manifest (wxt.config.ts), the toolbar badge and the renderer.

/** The extension's own icon: browser extension pages and the stores (Chrome 128, AMO 32/64/128, Edge 128). */
export const EXTENSION_ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Toolbar icons: Chrome draws 16 px (24 and 32 on high-density screens), Firefox 16 and 32. */
export const TOOLBAR_ICON_SIZES = [16, 24, 32] as const;

/** The toolbar states, each with its own icon: the state dot at the top right. */
export const TOOLBAR_ICON_STATES = ['connected', 'attention', 'disconnected'] as const;
export type ToolbarIconState = (typeof TOOLBAR_ICON_STATES)[number];

export function extensionIconPath(size: number): string {
  return `icon/${size}.png`;
}

export function toolbarIconPath(state: ToolbarIconState, size: number): string {
  return `icon/${state}-${size}.png`;
}

/** { size: path } as manifest `icons`, `default_icon` and action.setIcon({ path }) take it. */
export function iconSet(sizes: readonly number[], path: (size: number) => string): Record<string, string> {
  return Object.fromEntries(sizes.map((size) => [String(size), path(size)]));
}
