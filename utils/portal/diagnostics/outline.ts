// A structural outline of a portal region for bug reports (issue 12 item 4): one line per element
// with its tag, role, Fluent `ms-*` classes and data-icon-name, indented by nesting. It reads
// nothing else: no text nodes, no ids, hrefs, labels or other attribute values, which may carry
// the tenant's data. Runs of similar siblings (list rows, cards) are cut after a few.

const MAX_LINES = 1200;
const MAX_DEPTH = 40;
const SAME_SIBLINGS_SHOWN = 3;
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta']);
/** Fluent's stable class names; generated ones (root-123, css-45) are left out. */
const FLUENT_CLASS = /^ms-[A-Za-z][A-Za-z0-9_-]*$/;
/** Icon names are constants of Fluent's icon font. */
const ICON_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** Roles are ARIA tokens. */
const ROLE = /^[a-z]+$/;

export function describeElement(element: Element): string {
  let line = element.localName;
  const role = element.getAttribute('role');
  if (role && ROLE.test(role)) line += `[role=${role}]`;
  for (const name of element.classList) if (FLUENT_CLASS.test(name)) line += `.${name}`;
  const iconName = element.getAttribute('data-icon-name');
  if (iconName && ICON_NAME.test(iconName)) line += ` icon=${iconName}`;
  if (element.hasAttribute('aria-haspopup')) line += ' haspopup';
  if (element.getAttribute('aria-expanded') === 'true') line += ' expanded';
  return line;
}

export function structuralOutline(root: Element): string {
  const lines: string[] = [];
  const walk = (element: Element, depth: number) => {
    if (lines.length >= MAX_LINES) return;
    const line = describeElement(element);
    lines.push(' '.repeat(depth) + line);
    // Our own UI and SVG internals say nothing about the portal's structure.
    if (element.localName === 'snt-ui' || element.localName === 'svg') return;
    if (depth >= MAX_DEPTH) return;
    let previous = '';
    let same = 0;
    for (const child of element.children) {
      if (SKIPPED.has(child.localName)) continue;
      const signature = describeElement(child);
      same = signature === previous ? same + 1 : 1;
      previous = signature;
      if (same === SAME_SIBLINGS_SHOWN + 1) lines.push(' '.repeat(depth + 1) + '… similar siblings omitted');
      if (same > SAME_SIBLINGS_SHOWN) continue;
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  if (lines.length >= MAX_LINES) lines.push('… outline cut');
  return lines.join('\n');
}
