import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';

// A modal dialog in the Fluent look: labelled, focus kept inside (Tab wraps), Escape and the
// close button call onClose. Works inside a shadow root (focus is read from the root node).

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

interface Props {
  title: string;
  subtitle?: string;
  onClose(): void;
  children: ComponentChildren;
}

export function Dialog({ title, subtitle, onClose, children }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = box.current!;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.offsetParent !== null || el === document.activeElement,
      );
      if (items.length === 0) return;
      const root = node.getRootNode() as Document | ShadowRoot;
      const active = root.activeElement;
      const firstItem = items[0]!;
      const lastItem = items[items.length - 1]!;
      if (event.shiftKey && (active === firstItem || !node.contains(active))) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && (active === lastItem || !node.contains(active))) {
        event.preventDefault();
        firstItem.focus();
      }
    };
    node.addEventListener('keydown', onKey);
    return () => node.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div class="snt-overlay" onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div
        ref={box}
        class="snt-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="snt-form-title"
        aria-describedby={subtitle ? 'snt-form-subtitle' : undefined}
      >
        <div class="snt-dialog-header">
          <div>
            <h2 class="snt-h1" id="snt-form-title" style={{ marginBottom: '4px' }}>
              {title}
            </h2>
            {subtitle && (
              <p class="snt-muted" id="snt-form-subtitle" style={{ margin: 0 }}>
                {subtitle}
              </p>
            )}
          </div>
          <button type="button" class="snt-icon-btn" aria-label={t('close')} onClick={onClose}>
            ✕
          </button>
        </div>
        <div class="snt-dialog-body">{children}</div>
      </div>
    </div>
  );
}

export const DIALOG_CSS = `
.snt-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.4); display: flex; align-items: center; justify-content: center;
  z-index: 2147483000; }
.snt-dialog { background: #fff; width: min(640px, calc(100vw - 32px)); max-height: calc(100vh - 48px);
  display: flex; flex-direction: column;
  border-radius: 2px; box-shadow: 0 25.6px 57.6px rgba(0,0,0,.22), 0 4.8px 14.4px rgba(0,0,0,.18); }
.snt-dialog-header { display: flex; justify-content: space-between; align-items: flex-start; padding: 16px 24px 8px; }
.snt-dialog-body { padding: 8px 24px 24px; overflow: auto; }
.snt-icon-btn { border: 0; background: none; width: 32px; height: 32px; cursor: pointer; color: #605e5c; font-size: 14px;
  border-radius: 2px; }
.snt-icon-btn:hover { background: #f3f2f1; color: #323130; }
.snt-icon-btn:focus-visible { outline: 1px solid #605e5c; }
.snt-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
.snt-textarea { height: auto; min-height: 120px; padding: 6px 8px; resize: vertical; line-height: 20px; }
.snt-textarea:focus { padding: 5px 7px; }
select.snt-input { padding-right: 4px; }
.snt-field-error { color: var(--snt-error); font-size: 12px; line-height: 16px; }
.snt-input[aria-invalid="true"] { border-color: var(--snt-error); }
.snt-actions { justify-content: flex-end; margin-top: 16px; }
`;
