// `rerender` switch: the whole app re-renders on a timer, like the real portal does on data refreshes.
// - tick: increments on every re-render; menu item keys include it, so an open menu's item nodes are
//   replaced (the menu itself stays open).
// - generation: increments only while no menu is open; the flyout command bar is keyed by it, so it
//   is recreated (new DOM nodes) while idle, without closing a menu the user opened.
import { createContext, useContext, useEffect, useState } from 'react';

export interface TickInfo {
  tick: number;
  generation: number;
}

export const TickContext = createContext<TickInfo>({ tick: 0, generation: 0 });

/**
 * True while any Fluent ContextualMenu (menu or submenu) is open, or about to open: a menu button
 * turns aria-expanded in the click's own render, while Fluent adds the menu's layer a moment later.
 * Without that, a tick in between would re-create the command bar and lose the opening menu.
 */
export function isAnyMenuOpen(): boolean {
  return document.querySelector('.ms-ContextualMenu-container, .ms-ContextualMenu, button[aria-haspopup][aria-expanded="true"]') !== null;
}

let committedTick = 0;

/** The tick of the last committed whole-app render (window.__portal.renderTick). */
export function lastRenderTick(): number {
  return committedTick;
}

/** Root-level ticker; 0 disables it. */
export function useTicker(intervalMs: number): TickInfo {
  const [info, setInfo] = useState<TickInfo>({ tick: 0, generation: 0 });
  useEffect(() => {
    committedTick = info.tick;
  }, [info.tick]);
  useEffect(() => {
    if (!intervalMs) return undefined;
    const id = window.setInterval(() => {
      const menuOpen = isAnyMenuOpen();
      setInfo((prev) => ({ tick: prev.tick + 1, generation: menuOpen ? prev.generation : prev.generation + 1 }));
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return info;
}

export function useTick(): TickInfo {
  return useContext(TickContext);
}

/** Key of a menu item: stable without `rerender`, new on every tick with it. */
export function volatileKey(base: string, tick: number): string {
  return tick ? `${base}-r${tick}` : base;
}
