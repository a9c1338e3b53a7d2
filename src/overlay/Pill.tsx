// Ridealong folded away: a pill of one fixed size (overlay.css) that says where the call is, or whether a plan is
// ready, and opens the overlay. The page can measure the frame, and must learn nothing from it.
import type { RefObject } from 'preact';
import type { Call } from '../domain/call';
import { callProgress, formatClock } from '../domain/call-progress';
import type { MeetingState } from '../platform/messages';
import type { Loadable } from '../ui/useLoad';
import { COVERED_TEXT } from './useClickBlocked';

export function Pill(props: {
  loaded: Loadable<MeetingState>;
  call: Call | null;
  dismissed: boolean;
  now: number;
  noteCount: number;
  clickBlocked: boolean;
  toggleRef: RefObject<HTMLButtonElement | null>;
  onOpen: () => void;
}) {
  const { call, dismissed, clickBlocked } = props;
  const text = clickBlocked
    ? { short: 'Covered: click ignored', full: COVERED_TEXT }
    : pillText(props.loaded, call, dismissed, props.now, props.noteCount);
  const shown = !dismissed || call !== null || clickBlocked;
  return (
    <div class="overlay pill-wrap">
      {/* The name holds the very words the pill shows, so a speech-control user can say them (WCAG 2.5.3); the
          badge is a picture, not a letter, so it adds no word. The longer wording is its description. */}
      <button
        class="pill"
        ref={props.toggleRef}
        aria-expanded="false"
        aria-label={`Open Ridealong: ${text.short}`}
        aria-describedby={text.full !== text.short ? 'pill-full' : undefined}
        onClick={props.onOpen}
      >
        <img class="brand" src="/icons/icon-32.png" alt="" width={28} height={28} />
        {shown ? <span class="pill-text">{text.short}</span> : null}
      </button>
      {text.full !== text.short && (
        <span id="pill-full" class="visually-hidden">
          {text.full}
        </span>
      )}
    </div>
  );
}

/**
 * The pill shows no plan or note text, a count at most: it stays on screen, and screens get shared. `short` is what
 * fits the pill's one fixed size; `full` is its accessible name.
 */
function pillText(
  loaded: Loadable<MeetingState>,
  call: Call | null,
  dismissed: boolean,
  now: number,
  noteCount: number,
): { short: string; full: string } {
  if (call) {
    const progress = callProgress(call, now);
    const items = call.planSnapshot.agenda.length;
    const clock = formatClock(progress.callElapsedMs);
    const over = progress.itemOverrunMs > 0;
    const count = noteCount > 0 ? ` · ${noteCount} ${noteCount === 1 ? 'note' : 'notes'}` : '';
    return {
      short: `Item ${progress.itemIndex + 1}/${items} · ${clock}${over ? ' · over' : ''}${count}`,
      full: `Item ${progress.itemIndex + 1} of ${items} · ${clock}${over ? ' · over time' : ''}${count}`,
    };
  }
  const words =
    loaded.status === 'loading'
      ? 'Loading…'
      : dismissed || loaded.status === 'failed'
        ? 'Ridealong'
        : loaded.value.linkedPlans.length + loaded.value.nearbyPlans.length > 0
          ? 'Plan ready'
          : 'No plan for this meeting';
  return { short: words, full: words };
}
