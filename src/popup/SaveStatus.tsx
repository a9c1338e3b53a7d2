import type { Plan } from '../domain/plan';
import type { SaveState } from './usePlanAutosave';

/** Whether the plan is saved; a plan changed in another window meanwhile asks which copy to keep. */
export function SaveStatus(props: {
  state: SaveState;
  onTakeStored: (plan: Plan) => void;
  onOverwrite: (plan: Plan) => void;
}) {
  const { state } = props;
  if (state.status === 'stale') {
    return (
      <div class="save-state stale" role="alert">
        <p>This plan was changed in another window since you opened it.</p>
        <button type="button" onClick={() => props.onTakeStored(state.stored)}>
          Load the other version
        </button>{' '}
        <button type="button" onClick={() => props.onOverwrite(state.stored)}>
          Keep mine
        </button>
      </div>
    );
  }
  const text = {
    saved: '✓ Saved',
    unsaved: 'Saving soon…',
    saving: 'Saving…',
    failed: `Not saved: ${state.status === 'failed' ? state.message : ''} Your edits are still here.`,
  }[state.status];
  return (
    <p class={`save-state ${state.status}`} role="status">
      {text}
    </p>
  );
}
