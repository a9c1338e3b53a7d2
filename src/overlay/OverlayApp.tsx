// The overlay on the meeting tab: folded to a pill, or open as the HUD of the running call, or as the plan chooser
// when none runs. The state lives in hooks of its own: the meeting's call (ui/call/useMeetingCall.ts, shared with the
// side panel), the HUD's moves shown at once, the settings on this device, open or folded, the side panel's button.
import { meetingKey, type MeetingId } from '../domain/meeting-url';
import { errorText } from '../domain/text';
import { CallHud, NowTitle } from '../ui/call/CallHud';
import { NoteLine } from '../ui/call/NoteLine';
import { NoteList } from '../ui/call/NoteList';
import { useMeetingCall } from '../ui/call/useMeetingCall';
import { Alert, LoadFailed } from '../ui/problem';
import { MoveHandle } from './MoveHandle';
import { Pill } from './Pill';
import { PlanChooser } from './PlanChooser';
import { useAutoStart } from './useAutoStart';
import { COVERED_TEXT, useClickBlocked } from './useClickBlocked';
import { useExpanded } from './useExpanded';
import { useOptimisticMoves } from './useOptimisticMoves';
import { useOverlaySettings } from './useOverlaySettings';
import { useSidePanelOpener } from './useSidePanelOpener';

/**
 * `arrivedByPage`: the meeting was reached through the page's own history.pushState, which any page script can do to
 * probe meeting codes. Then the overlay neither reopens by itself nor starts a call by itself: nothing the page can
 * see depends on the code.
 */
export function OverlayApp({ meeting, arrivedByPage = false }: { meeting: MeetingId; arrivedByPage?: boolean }) {
  const key = meetingKey(meeting);
  const clickBlocked = useClickBlocked();
  const { expanded, toggle, toggleRef, focusNoteRequest } = useExpanded(key, arrivedByPage);
  const settings = useOverlaySettings(key);
  const panel = useSidePanelOpener(meeting);
  // The plan chooser shows once this device's settings are read too. The HUD's own moves show at once, so what
  // storage says of the call meanwhile waits for them (`holds`).
  const meetingCall = useMeetingCall(meeting, { hold: (call) => moves.holds(call), shown: settings.saved !== null });
  const moves = useOptimisticMoves(meeting, meetingCall);
  const { loaded, call: activeCall, now, notes, tags, busy } = meetingCall;
  useAutoStart(settings.saved, loaded, arrivedByPage, meetingCall.start);

  if (!expanded) {
    return (
      <Pill
        loaded={loaded}
        call={activeCall}
        dismissed={settings.dismissed}
        now={now}
        noteCount={notes.notes.length}
        clickBlocked={clickBlocked}
        toggleRef={toggleRef}
        onOpen={() => toggle(true)}
      />
    );
  }

  return (
    <section class="overlay panel" aria-label="Ridealong">
      <header class="panel-header">
        <MoveHandle />
        {/* In a call, the header line is the call's "now": one line less to glance over. */}
        <h1 class={activeCall ? 'visually-hidden' : undefined}>Ridealong</h1>
        {activeCall && <NowTitle call={activeCall} now={now} />}
        {panel.available && (
          <button
            class="panel-open"
            aria-label="Panel: the whole call beside the meeting"
            title="The whole call in the side panel (Alt+Shift+O)"
            onClick={panel.open}
          >
            Panel
          </button>
        )}
        {/* The name starts with the visible word, so a speech-control user's "click Hide" finds it (WCAG 2.5.3). */}
        <button ref={toggleRef} aria-expanded="true" aria-label="Hide Ridealong" onClick={() => toggle(false)}>
          Hide
        </button>
      </header>
      {clickBlocked && (
        <p class="error covered" role="alert">
          {COVERED_TEXT}
        </p>
      )}
      {loaded.status === 'loading' && <p class="muted">Loading the plan…</p>}
      {loaded.status === 'failed' && (
        <LoadFailed message={errorText(loaded.error)} onRetry={() => void meetingCall.retry()} />
      )}
      <Alert text={panel.error} />
      <Alert text={meetingCall.actionError} />
      {loaded.status === 'ready' &&
        (activeCall ? (
          <CallHud
            call={activeCall}
            now={now}
            noteLine={(options) => <NoteLine notes={notes} tags={tags} focusRequest={focusNoteRequest} {...options} />}
            noteList={<NoteList notes={notes} />}
            busy={busy}
            onMove={moves.move}
            onTick={(questionId, ticked) => void meetingCall.tick(questionId, ticked)}
            onEnd={() => void meetingCall.end()}
          />
        ) : (
          <PlanChooser
            state={loaded.value}
            role={settings.role}
            busy={busy}
            autoStart={settings.autoStart}
            dismissed={settings.dismissed}
            onRole={settings.chooseRole}
            onAutoStart={settings.chooseAutoStart}
            onDismiss={(next) => {
              settings.dismiss(next);
              if (next) toggle(false);
            }}
            onRefresh={() => void meetingCall.retry()}
            onStart={(plan) => void meetingCall.start(plan, settings.role)}
          />
        ))}
    </section>
  );
}
