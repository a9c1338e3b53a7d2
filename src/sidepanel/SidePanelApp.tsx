// The side panel: the whole call beside the meeting, covering none of it. The manager's notes desk, and the rep's
// full agenda. It shows the very call the HUD on the meeting tab shows: both read and write through the service
// worker, which tells every surface of each change (platform/changes.ts), so nothing is stored twice and a Next in
// one shows in the other at once.
import type { ComponentChildren } from 'preact';
import type { Call } from '../domain/call';
import type { MeetingId } from '../domain/meeting-url';
import type { NoteTag } from '../domain/note';
import type { Plan } from '../domain/plan';
import { errorText } from '../domain/text';
import { useMeetingCall } from '../ui/call/useMeetingCall';
import type { NotesState } from '../ui/call/useNotes';
import { Alert, LoadFailed } from '../ui/problem';
import { CallDesk, NoteDesk } from './CallDesk';
import { NoCall } from './NoCall';

/**
 * The whole call of one meeting. The side panel shows it for a meeting tab; the companion window (`startable`) also
 * starts the plan's call, and floats the HUD on top of other apps (`floating`).
 */
export function SidePanelApp({
  meeting,
  startable,
  floating,
}: {
  meeting: MeetingId;
  /** The plan this surface may start a call of, when none is running. */
  startable?: Plan;
  /** Extra controls for the running call, given everything it needs to show or drive the HUD. */
  floating?: (hud: FloatingHud) => ComponentChildren;
}) {
  // As the HUD does: a call shown only here (the companion window) is told alive, so it doesn't end as "gone".
  const meetingCall = useMeetingCall(meeting);
  const { loaded, call, now, busy, notes, tags } = meetingCall;
  const onMove = (toItemIndex: number) => void meetingCall.moveTo(toItemIndex);
  const onEnd = () => void meetingCall.end();

  return (
    <main class="side">
      {loaded.status === 'loading' && <p class="muted">Loading the call…</p>}
      {loaded.status === 'failed' && (
        <LoadFailed message={errorText(loaded.error)} onRetry={() => void meetingCall.retry()} />
      )}
      <Alert text={meetingCall.actionError} />
      {loaded.status === 'ready' && !call && (
        <NoCall
          ended={loaded.value.ended}
          startable={startable}
          busy={busy}
          onStart={(plan, role) => void meetingCall.start(plan, role)}
        />
      )}
      {call && floating?.({ call, now, busy, notes, tags, onMove, onEnd })}
      {call && (
        <CallDesk
          call={call}
          now={now}
          busy={busy}
          notes={<NoteDesk notes={notes} tags={tags} />}
          onMove={onMove}
          onTick={(questionId, ticked) => void meetingCall.tick(questionId, ticked)}
          onEnd={onEnd}
        />
      )}
    </main>
  );
}

/** What the HUD needs, for a surface that shows it somewhere else (the companion's floating window). */
export interface FloatingHud {
  call: Call;
  now: number;
  busy: boolean;
  notes: NotesState;
  tags: NoteTag[];
  onMove: (toItemIndex: number) => void;
  onEnd: () => void;
}
