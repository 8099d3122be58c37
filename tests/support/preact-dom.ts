import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Component tests: a fresh container and fake browser per test, unmounted afterwards.

export function useContainer(): { readonly el: HTMLElement; mount(ui: ComponentChild): Promise<void>; flush(): Promise<void> } {
  let el: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    el = document.createElement('div');
    document.body.append(el);
  });
  afterEach(() => {
    render(null, el);
    el.remove();
  });
  const flush = () =>
    act(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    });
  return {
    get el() {
      return el;
    },
    async mount(ui) {
      await act(() => render(ui, el));
      await flush();
    },
    flush,
  };
}

/**
 * A click as the browser makes it from real input (`isTrusted`), which happy-dom cannot make:
 * our in-page controls ignore the synthetic click() of page scripts (components/user-action.ts).
 */
export function userClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
