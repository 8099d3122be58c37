// Class names of the bare/alt markups come from Fluent's merge-styles (generated names such as
// `grid-123`, as on the real portal), registered on first use so that markup=default renders with
// the very same generated class names as before these markups existed.
import { mergeStyleSets, type IStyle } from '@fluentui/react';

export function lazyStyles<K extends string>(styles: Record<K, IStyle>): () => Record<K, string> {
  let classes: Record<K, string> | undefined;
  return () => (classes ??= mergeStyleSets(styles) as unknown as Record<K, string>);
}

export const CARD_LOOK: IStyle = {
  background: '#fff',
  borderRadius: 4,
  boxShadow: '0 1.6px 3.6px rgba(0, 0, 0, 0.13), 0 0.3px 0.9px rgba(0, 0, 0, 0.11)',
  padding: '16px 20px',
  boxSizing: 'border-box',
};
