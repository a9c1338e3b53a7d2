import type { ComponentChildren } from 'preact';

interface Props<T extends { id: string }> {
  /** The fieldset's class, which the page styles: `list-editor` in the plan editor, `coaching-list` in the debrief. */
  class: string;
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  create: () => T;
  /** The row's fields; `change` replaces this item in the list. */
  render: (item: T, index: number, change: (item: T) => void) => ComponentChildren;
  /** Names the item in its Remove button's accessible name: "Remove question 2". */
  itemName: (item: T, index: number) => string;
  addLabel: string;
  max: number;
  /**
   * Shown beside the Add button once the list holds `max` items, saying why it adds no more; the button stays, marked
   * aria-disabled, so it keeps its focus. Without it, the Add button goes away once the list is full.
   */
  full?: string;
  /** The plan editor's buttons say `type="button"`; the debrief's, in no form, carry no type. */
  buttonType?: 'button';
}

/** A short list of items edited in place: a row per item with its Remove button, and an Add button up to `max`. */
export function ListEditor<T extends { id: string }>(props: Props<T>) {
  const isFull = props.items.length >= props.max;
  const fullId = `full-${props.addLabel.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <fieldset class={props.class}>
      <legend>{props.legend}</legend>
      {props.items.map((item, index) => (
        <div class="list-row" key={item.id}>
          {props.render(item, index, (changed) =>
            props.onChange(props.items.map((existing, i) => (i === index ? changed : existing))),
          )}
          <button
            type={props.buttonType}
            aria-label={`Remove ${props.itemName(item, index)}`}
            onClick={() => props.onChange(props.items.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      {props.full === undefined ? (
        !isFull && (
          <button type={props.buttonType} onClick={() => props.onChange([...props.items, props.create()])}>
            {props.addLabel}
          </button>
        )
      ) : (
        <>
          <button
            type={props.buttonType}
            aria-disabled={isFull}
            aria-describedby={isFull ? fullId : undefined}
            onClick={() => !isFull && props.onChange([...props.items, props.create()])}
          >
            {props.addLabel}
          </button>
          {isFull && (
            <span class="field-problem" id={fullId}>
              {props.full}
            </span>
          )}
        </>
      )}
    </fieldset>
  );
}
