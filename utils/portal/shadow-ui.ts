import { render, type ComponentChild } from 'preact';
import fluentCss from '@/components/fluent.css?inline';
import { uiLang } from '@/utils/i18n';

// Our UI in the portal lives in an (open) shadow root, so neither side's styles leak. Hosts carry
// a stable id so a re-check never inserts twice.

export interface ShadowUi {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

export function createShadowUi(id: string, content: ComponentChild, extraCss = ''): ShadowUi {
  const host = document.createElement('snt-ui');
  host.id = id;
  host.dataset.snt = id;
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host { all: initial; display: block; }\n${fluentCss}\n${extraCss}`;
  root.append(style);
  const mount = document.createElement('div');
  mount.className = 'snt-root';
  // Our text follows the browser language, which may differ from the portal's.
  mount.lang = uiLang();
  root.append(mount);
  render(content, mount);
  return {
    host,
    root,
    remove() {
      render(null, mount);
      host.remove();
    },
  };
}
