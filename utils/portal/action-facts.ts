import { cleanText, FACT_LABELS, labelKey, type FactName } from './action-labels';

// Facts of the flyout ("At a glance") by localized label, whatever the pair is made of:
// dt/dd, <label> + value sibling, or Fluent Label (.ms-Label) + text sibling.

const LABEL = 'dt, label, .ms-Label';

function valueOf(label: Element): string {
  if (label.tagName === 'DT') {
    for (let next = label.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.tagName === 'DD') return cleanText(next.textContent);
      if (next.tagName === 'DT') break;
    }
    return '';
  }
  const sibling = label.nextElementSibling;
  if (sibling) return cleanText(sibling.textContent);
  // Label + bare text node in the same parent.
  const parent = label.parentElement;
  return parent ? cleanText(parent.textContent?.replace(label.textContent ?? '', '')) : '';
}

/** Every fact found in `scope`; a fact not shown is absent from the result. */
export function readFacts(scope: Element): Partial<Record<FactName, string>> {
  const facts: Partial<Record<FactName, string>> = {};
  for (const label of scope.querySelectorAll(LABEL)) {
    const key = labelKey(label.textContent);
    const fact = (Object.keys(FACT_LABELS) as FactName[]).find((f) =>
      (FACT_LABELS[f] as readonly string[]).includes(key),
    );
    if (!fact || facts[fact] !== undefined) continue;
    const value = valueOf(label);
    if (value) facts[fact] = value;
  }
  return facts;
}
