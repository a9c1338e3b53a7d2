// Back, Next item and End call, as the HUD and the side panel show them. aria-disabled, not disabled: a disabled
// button drops keyboard focus mid-call. `compact`: the manager's small ones (‹ › ■), named in full for screen readers
// and on hover.

/** Hover text and accessible name for a compact button; nothing for one that says its name. */
function compactName(compact: boolean, name: string) {
  return compact ? { 'aria-label': name, title: name } : {};
}

export function StepButtons(props: {
  itemIndex: number;
  isLastItem: boolean;
  busy: boolean;
  onMove: (toItemIndex: number) => void;
  compact?: boolean;
  /** Next item as the main button: the rep's, who moves the call along. */
  primaryNext?: boolean;
}) {
  const { itemIndex, busy, compact = false } = props;
  const atStart = itemIndex === 0;
  const atEnd = props.isLastItem;
  return (
    <>
      <button
        {...compactName(compact, 'Back')}
        aria-disabled={atStart || busy}
        onClick={() => !atStart && !busy && props.onMove(itemIndex - 1)}
      >
        {compact ? '‹' : 'Back'}
      </button>
      <button
        {...compactName(compact, 'Next item')}
        class={props.primaryNext ? 'primary' : undefined}
        aria-disabled={atEnd || busy}
        onClick={() => !atEnd && !busy && props.onMove(itemIndex + 1)}
      >
        {compact ? '›' : 'Next item'}
      </button>
    </>
  );
}

export function EndButton(props: { busy: boolean; onEnd: () => void; compact?: boolean }) {
  const compact = props.compact ?? false;
  return (
    <button class="end" {...compactName(compact, 'End call')} onClick={() => !props.busy && props.onEnd()}>
      {compact ? '■' : 'End call'}
    </button>
  );
}
