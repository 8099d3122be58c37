import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChosenValue } from '@/utils/domain/field-defaults';
import { toAppError } from '@/utils/errors';
import { t } from '@/utils/i18n';

export interface TypeAheadOption extends ChosenValue {
  description?: string;
}

interface Props {
  /** The input's id (its label points at it); option ids derive from it. */
  id: string;
  value: ChosenValue | null;
  /** Options matching the text ("" lists the first ones); may reject with a message for the user. */
  search(text: string): Promise<TypeAheadOption[]>;
  onChange(value: ChosenValue | null): void;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A combobox over records of the instance (WAI-ARIA combobox with a listbox popup): typing
 * searches, ↓/↑ move through the options (aria-activedescendant, focus stays in the input), Enter
 * picks, Escape closes. Works in a shadow root: ids are only looked up inside the component.
 */
export function TypeAhead({ id, value, search, onChange, invalid, describedBy, required, disabled }: Props) {
  const [text, setText] = useState(value?.label ?? '');
  const [options, setOptions] = useState<TypeAheadOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState<string | null>(null);
  const asked = useRef(0);
  const listbox = useRef<HTMLUListElement>(null);

  useEffect(() => setText(value?.label ?? ''), [value?.value, value?.label]);
  useEffect(() => {
    if (active >= 0) listbox.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const lookUp = (query: string) => {
    // Answers can come back out of order: only the latest question's answer counts.
    const mine = ++asked.current;
    setOpen(true);
    setNote(t('typeAheadSearching'));
    search(query).then(
      (found) => {
        if (mine !== asked.current) return;
        setOptions(found);
        setActive(found.length ? 0 : -1);
        setNote(found.length ? null : t('typeAheadNoMatch', query));
      },
      (error: unknown) => {
        if (mine !== asked.current) return;
        setOptions([]);
        setActive(-1);
        setNote(toAppError(error).message);
      },
    );
  };
  const close = () => {
    asked.current++;
    setOpen(false);
    setActive(-1);
  };
  const pick = (option: TypeAheadOption) => {
    close();
    setText(option.label);
    onChange({ value: option.value, label: option.label });
  };

  const onInput = (next: string) => {
    setText(next);
    // Typed text is a search, not a value: the previous choice no longer holds.
    if (value) onChange(null);
    lookUp(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return lookUp(value ? '' : text);
      if (options.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (e.key === 'Enter' && open) {
      // Enter picks the option; it must not submit the form around the combobox.
      e.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === 'Escape' && open) {
      // Closes the list only, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const onBlur = () => {
    close();
    // Leaving with unfinished text keeps the last choice visible instead of a half-typed name.
    setText(value?.label ?? '');
  };

  const listboxId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const described = [describedBy, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div class="snt-typeahead">
      <input
        id={id}
        class="snt-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listboxId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid ? 'true' : 'false'}
        aria-required={required ? 'true' : undefined}
        aria-describedby={described}
        disabled={disabled}
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <span id={`${id}-hint`} class="snt-visually-hidden">
        {t('fieldSearchHint')}
      </span>
      <ul id={listboxId} role="listbox" class="snt-typeahead-list" ref={listbox} hidden={!open || !options.length}>
        {options.map((option, i) => (
          <li
            key={option.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active ? 'true' : 'false'}
            class={i === active ? 'snt-typeahead-option snt-typeahead-active' : 'snt-typeahead-option'}
            // Keep focus in the input, so the click picks before the blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(option)}
          >
            <span>{option.label}</span>
            {option.description && <span class="snt-muted">{option.description}</span>}
          </li>
        ))}
      </ul>
      {open && note && (
        <span class="snt-muted" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
