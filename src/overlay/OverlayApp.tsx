import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { currentItemIndex, isNewerCall, moveToItem, type Call, type Role } from '../domain/call';
import { callProgress, formatClock } from '../domain/call-progress';
import { meetingKey, type MeetingId } from '../domain/meeting-url';
import { planDisplayName, plannedMinutes, type Plan } from '../domain/plan';
import {
  isMeetingDismissed,
  isOverlayExpandedFor,
  loadAutoStart,
  loadDefaultRole,
  saveAutoStart,
  saveDefaultRole,
  setMeetingDismissed,
  setOverlayExpandedFor,
} from '../platform/device-settings';
import type { MeetingState } from '../platform/messages';
import { requestFromServiceWorker } from '../platform/request';
import { formatDateTime, formatMinutes } from '../ui/format';
import { DEFAULT_NOTE_TAGS, type NoteTag } from '../domain/note';
import { loadNoteTags } from '../platform/note-tags';
import { CLICK_ALLOWED, CLICK_BLOCKED } from './click-guard';
import { FOCUS_NOTE_REQUEST, moveOverlay } from './host-channel';
import { CallHud, NowTitle } from '../ui/call/CallHud';
import { NoteLine } from '../ui/call/NoteLine';
import { NoteList } from '../ui/call/NoteList';
import { useNotes } from '../ui/call/useNotes';
import { useNow } from '../ui/call/useNow';
import { listenForChanges } from '../platform/changes';
import { openCallPanel } from '../platform/side-panel';
import { errorText } from '../domain/text';
import { useCallAlive } from '../ui/call/useCallAlive';
import { Alert, LoadFailed } from '../ui/problem';
import { useCallWrite } from '../ui/call/useCallWrite';
import { LEAD_NAMES } from '../ui/labels';

const MOVE_STEP_PX = 24;

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; state: MeetingState };

/** True while the last pointer click was held back because the meeting page covered the overlay. */
function useClickBlocked(): boolean {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    const onBlocked = () => setBlocked(true);
    const onAllowed = () => setBlocked(false);
    window.addEventListener(CLICK_BLOCKED, onBlocked);
    window.addEventListener(CLICK_ALLOWED, onAllowed);
    return () => {
      window.removeEventListener(CLICK_BLOCKED, onBlocked);
      window.removeEventListener(CLICK_ALLOWED, onAllowed);
    };
  }, []);
  return blocked;
}

const COVERED_TEXT =
  'That click did nothing: something from the meeting page was covering Ridealong. Close what covers it, or move Ridealong, then click again.';

/**
 * `arrivedByPage`: the meeting was reached through the page's own history.pushState, which any page script can do to
 * probe meeting codes. Then the overlay neither reopens by itself nor starts a call by itself: nothing the page can
 * see depends on the code.
 */
export function OverlayApp({ meeting, arrivedByPage = false }: { meeting: MeetingId; arrivedByPage?: boolean }) {
  const clickBlocked = useClickBlocked();
  const [expanded, setExpanded] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const userToggled = useRef(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [role, setRole] = useState<Role>('rep');
  /** Set once the person picks a role here: the saved default, read a moment later, must not undo that choice. */
  const rolePicked = useRef(false);
  const [autoStart, setAutoStart] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  /** Writes through the service worker; the call shown is always the one storage returned (showCall, below). */
  const { busy, actionError, setActionError, act } = useCallWrite((call) => showCall(call));
  const key = meetingKey(meeting);

  const activeCall = loaded.status === 'ready' ? loaded.state.activeCall : null;
  const now = useNow(activeCall !== null);
  const notes = useNotes(activeCall);
  const [tags, setTags] = useState<NoteTag[]>(DEFAULT_NOTE_TAGS);
  /** Bumped by the "take a note" shortcut; the notes panel puts the cursor in its line. */
  const [focusNoteRequest, setFocusNoteRequest] = useState(0);

  useEffect(() => {
    void loadNoteTags().then(setTags);
    const onFocusNote = () => {
      userToggled.current = false;
      setExpanded(true);
      setFocusNoteRequest((count) => count + 1);
    };
    window.addEventListener(FOCUS_NOTE_REQUEST, onFocusNote);
    return () => window.removeEventListener(FOCUS_NOTE_REQUEST, onFocusNote);
  }, []);

  // The side panel of this tab shows this meeting; its tab id lets "Panel" open it within the click.
  const [panelTabId, setPanelTabId] = useState<number | null>(null);
  const [panelError, setPanelError] = useState<string | null>(null);
  useEffect(() => {
    void requestFromServiceWorker({ type: 'panel/enable', meeting }).then(
      (reply) => setPanelTabId(reply.tabId),
      () => setPanelTabId(null),
    );
  }, [key]);
  const openPanel = () => {
    if (panelTabId === null) return;
    setPanelError(null);
    // No await before this: the click is the gesture that lets the panel open.
    openCallPanel(panelTabId).catch(() =>
      setPanelError('The side panel could not open here. The whole call is under More.'),
    );
  };

  /**
   * Agenda moves on their way to storage. The HUD shows a move at once: the rep glances, and a glance must not wait
   * for a disk. Until the last move in flight is answered, what storage or another surface says of this call waits;
   * then the HUD shows what storage holds, and a move that failed is taken back.
   */
  const movesInFlight = useRef(0);
  const changeWaiting = useRef(false);
  const shownCall = useRef<Call | null>(null);
  shownCall.current = activeCall;

  const setShownCall = (call: Call | null) =>
    setLoaded((previous) =>
      previous.status === 'ready' ? { status: 'ready', state: { ...previous.state, activeCall: call } } : previous,
    );

  const settleMove = async (stored: Call | null) => {
    movesInFlight.current -= 1;
    if (movesInFlight.current > 0) return;
    if (stored && !changeWaiting.current) {
      setShownCall(stored.endedAt === null ? stored : null);
      return;
    }
    // A move failed, or another surface changed the call meanwhile: show what storage holds now.
    changeWaiting.current = false;
    try {
      setShownCall((await requestFromServiceWorker({ type: 'meeting/state', meeting })).activeCall);
    } catch (error) {
      setActionError(`${errorText(error)} Reload the tab to see where the call is.`);
    }
  };

  const move = (toItemIndex: number) => {
    const shown = shownCall.current;
    if (!shown || toItemIndex === currentItemIndex(shown)) return;
    const moved = moveToItem(shown, toItemIndex, shown.role, Date.now());
    shownCall.current = moved;
    movesInFlight.current += 1;
    setActionError(null);
    setShownCall(moved);
    requestFromServiceWorker({ type: 'call/moveTo', callId: shown.id, toItemIndex, role: shown.role }).then(
      (stored) => void settleMove(stored),
      (error: unknown) => {
        setActionError(`${errorText(error)} The move was not stored; try again.`);
        void settleMove(null);
      },
    );
  };

  /** Shows a call as storage returned it, here or on another surface; never an older version over a newer one. */
  const showCall = (call: Call) => {
    if (movesInFlight.current > 0 && call.id === shownCall.current?.id) {
      changeWaiting.current = true;
      return;
    }
    setLoaded((previous) => {
      if (previous.status !== 'ready') return previous;
      const shown = previous.state.activeCall;
      // An older call of this meeting ending says nothing about the one running now.
      if (call.endedAt !== null && shown && shown.id !== call.id) return previous;
      if (!isNewerCall(call, shown)) return previous;
      return { status: 'ready', state: { ...previous.state, activeCall: call.endedAt === null ? call : null } };
    });
  };

  // A change made on another surface (the side panel): the call shown is always the stored one.
  useEffect(
    () =>
      listenForChanges((change) => {
        if (change.type === 'changed/call' && meetingKey(change.call.meeting) === key) showCall(change.call);
      }),
    [key],
  );

  const refresh = useCallback(async () => {
    setLoaded({ status: 'loading' });
    try {
      setLoaded({ status: 'ready', state: await requestFromServiceWorker({ type: 'meeting/state', meeting }) });
    } catch (error) {
      setLoaded({ status: 'failed', message: errorText(error) });
    }
  }, [meeting]);

  const start = (plan: Plan, as: Role) =>
    act(() => requestFromServiceWorker({ type: 'call/start', planId: plan.id, meeting, role: as }));

  useEffect(() => {
    void (async () => {
      // Opened before on this device (then the tab was reloaded): open again, without taking focus.
      if (!arrivedByPage) void isOverlayExpandedFor(key).then((wasExpanded) => wasExpanded && setExpanded(true));
      const [state, savedRole, auto, wasDismissed] = await Promise.all([
        requestFromServiceWorker({ type: 'meeting/state', meeting }).catch((error: unknown) => error as Error),
        loadDefaultRole(),
        loadAutoStart(),
        isMeetingDismissed(key),
      ]);
      if (!rolePicked.current) setRole(savedRole);
      setAutoStart(auto);
      setDismissed(wasDismissed);
      if (state instanceof Error) {
        setLoaded({ status: 'failed', message: errorText(state) });
        return;
      }
      setLoaded({ status: 'ready', state });
      const [onlyLinked, ...otherLinked] = state.linkedPlans;
      // The opt-in setting: a linked plan's meeting starts its call by itself, as the person's usual role.
      if (auto && !arrivedByPage && !state.activeCall && onlyLinked && otherLinked.length === 0 && !wasDismissed) {
        await start(onlyLinked, savedRole);
      }
    })();
  }, [meeting]);

  useCallAlive(activeCall?.id ?? null);

  // Keyboard users keep their place: after opening or closing, focus lands on the button that toggles back. Never on
  // first render, which would pull focus out of the meeting page.
  useEffect(() => {
    if (userToggled.current) toggleRef.current?.focus();
  }, [expanded]);
  useEffect(() => {
    if (!expanded) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') toggle(false);
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [expanded]);
  const toggle = (next: boolean) => {
    userToggled.current = true;
    setExpanded(next);
    void setOverlayExpandedFor(key, next, Date.now());
  };

  const chooseRole = (next: Role) => {
    rolePicked.current = true;
    setRole(next);
    void saveDefaultRole(next);
  };

  if (!expanded) {
    // One fixed size whatever it says (overlay.css): the page can measure the frame, and must learn nothing from it.
    const text = clickBlocked
      ? { short: 'Covered: click ignored', full: COVERED_TEXT }
      : pillText(loaded, activeCall, dismissed, now, notes.notes.length);
    const shown = !dismissed || activeCall !== null || clickBlocked;
    return (
      <div class="overlay pill-wrap">
        {/* The name holds the very words the pill shows, so a speech-control user can say them (WCAG 2.5.3); the
            badge is a picture, not a letter, so it adds no word. The longer wording is its description. */}
        <button
          class="pill"
          ref={toggleRef}
          aria-expanded="false"
          aria-label={`Open Ridealong: ${text.short}`}
          aria-describedby={text.full !== text.short ? 'pill-full' : undefined}
          onClick={() => toggle(true)}
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

  return (
    <section class="overlay panel" aria-label="Ridealong">
      <header class="panel-header">
        <MoveHandle />
        {/* In a call, the header line is the call's "now": one line less to glance over. */}
        <h1 class={activeCall ? 'visually-hidden' : undefined}>Ridealong</h1>
        {activeCall && <NowTitle call={activeCall} now={now} />}
        {panelTabId !== null && (
          <button
            class="panel-open"
            aria-label="Panel: the whole call beside the meeting"
            title="The whole call in the side panel (Alt+Shift+O)"
            onClick={openPanel}
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
      {loaded.status === 'failed' && <LoadFailed message={loaded.message} onRetry={() => void refresh()} />}
      <Alert text={panelError} />
      <Alert text={actionError} />
      {loaded.status === 'ready' &&
        (activeCall ? (
          <CallHud
            call={activeCall}
            now={now}
            noteLine={(options) => <NoteLine notes={notes} tags={tags} focusRequest={focusNoteRequest} {...options} />}
            noteList={<NoteList notes={notes} />}
            busy={busy}
            onMove={move}
            onTick={(questionId, ticked) =>
              void act(() =>
                requestFromServiceWorker({ type: 'call/tickQuestion', callId: activeCall.id, questionId, ticked }),
              )
            }
            onEnd={() => void act(() => requestFromServiceWorker({ type: 'call/end', callId: activeCall.id }))}
          />
        ) : (
          <PlanChooser
            state={loaded.state}
            role={role}
            busy={busy}
            autoStart={autoStart}
            dismissed={dismissed}
            onRole={chooseRole}
            onAutoStart={(on) => {
              setAutoStart(on);
              void saveAutoStart(on);
            }}
            onDismiss={(next) => {
              setDismissed(next);
              void setMeetingDismissed(key, next, Date.now());
              if (next) toggle(false);
            }}
            onRefresh={() => void refresh()}
            onStart={(plan) => void start(plan, role)}
          />
        ))}
    </section>
  );
}

/**
 * The pill shows no plan or note text, a count at most: it stays on screen, and screens get shared. `short` is what
 * fits the pill's one fixed size; `full` is its accessible name.
 */
function pillText(
  loaded: Loaded,
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
        : loaded.state.linkedPlans.length + loaded.state.nearbyPlans.length > 0
          ? 'Plan ready'
          : 'No plan for this meeting';
  return { short: words, full: words };
}

/** Drag to move the overlay, or focus it and use the arrow keys; the position is remembered on this device. */
function MoveHandle() {
  const last = useRef<{ x: number; y: number } | null>(null);
  return (
    <button
      class="move-handle"
      data-click-guard="allow"
      aria-label="Move the overlay (drag, or arrow keys)"
      title="Drag to move"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        // Screen coordinates: the frame itself moves while dragging, so client coordinates would drift.
        last.current = { x: event.screenX, y: event.screenY };
      }}
      onPointerMove={(event) => {
        if (!last.current) return;
        moveOverlay(event.screenX - last.current.x, event.screenY - last.current.y, false);
        last.current = { x: event.screenX, y: event.screenY };
      }}
      onPointerUp={() => {
        last.current = null;
        moveOverlay(0, 0, true);
      }}
      onKeyDown={(event) => {
        const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
        if (!step) return;
        event.preventDefault();
        moveOverlay(step[0]! * MOVE_STEP_PX, step[1]! * MOVE_STEP_PX, true);
      }}
    >
      ⠿
    </button>
  );
}

function PlanChooser(props: {
  state: MeetingState;
  role: Role;
  busy: boolean;
  autoStart: boolean;
  dismissed: boolean;
  onRole: (role: Role) => void;
  onAutoStart: (on: boolean) => void;
  onDismiss: (dismissed: boolean) => void;
  onRefresh: () => void;
  onStart: (plan: Plan) => void;
}) {
  const { linkedPlans, nearbyPlans } = props.state;
  const offered = linkedPlans.length + nearbyPlans.length > 0;
  return (
    <div>
      <fieldset class="role">
        <legend>On this call I am</legend>
        {(['rep', 'manager'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="role"
              value={option}
              checked={props.role === option}
              onChange={() => props.onRole(option)}
            />
            {option === 'rep' ? 'the rep' : 'the manager'}
          </label>
        ))}
      </fieldset>
      {!offered && (
        <p>
          No plan is linked to this meeting or scheduled around now. Find one below, or create one from the Ridealong
          button in the browser toolbar.
        </p>
      )}
      <PlanList heading="Linked to this meeting" plans={linkedPlans} busy={props.busy} onStart={props.onStart} />
      <PlanList heading="Scheduled around now" plans={nearbyPlans} busy={props.busy} onStart={props.onStart} />
      <PlanSearch busy={props.busy} onStart={props.onStart} />
      <label class="setting">
        <input
          type="checkbox"
          checked={props.autoStart}
          onChange={(event) => props.onAutoStart(event.currentTarget.checked)}
        />
        Start the call by itself when a linked plan’s meeting opens
      </label>
      <div class="actions">
        <button onClick={props.onRefresh}>Check again</button>
        <button onClick={() => props.onDismiss(!props.dismissed)}>
          {props.dismissed ? 'Offer plans again here' : 'Not now, for this meeting'}
        </button>
      </div>
    </div>
  );
}

function PlanSearch(props: { busy: boolean; onStart: (plan: Plan) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Plan[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <details class="pick">
      <summary>Pick another plan</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFailed(null);
          requestFromServiceWorker({ type: 'plans/search', query }).then(setFound, (error: unknown) =>
            setFailed(errorText(error)),
          );
        }}
      >
        <label>
          Find a plan by title or account
          <span class="search-row">
            <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
            <button type="submit">Find</button>
          </span>
        </label>
      </form>
      {failed && <p class="error">{failed}</p>}
      {found && found.length === 0 && <p class="muted">No plan matches.</p>}
      {found && <PlanList heading="Found" plans={found} busy={props.busy} onStart={props.onStart} />}
    </details>
  );
}

function PlanList(props: { heading: string; plans: Plan[]; busy: boolean; onStart: (plan: Plan) => void }) {
  if (props.plans.length === 0) return null;
  return (
    <section aria-label={props.heading}>
      <h2>{props.heading}</h2>
      <ul class="plans">
        {props.plans.map((plan) => (
          <li key={plan.id}>
            <div class="plan-title">{planDisplayName(plan)}</div>
            <div class="muted">
              {formatDateTime(plan.scheduledStart)} · {plan.agenda.length} items · {formatMinutes(plannedMinutes(plan))}
            </div>
            <ol class="agenda-preview">
              {plan.agenda.map((item) => (
                <li key={item.id}>
                  {item.title}{' '}
                  <span class="muted">
                    ({LEAD_NAMES[item.lead]}, {formatMinutes(item.minutes)})
                  </span>
                </li>
              ))}
            </ol>
            <button
              class="primary"
              disabled={props.busy}
              aria-label={`Start call: ${planDisplayName(plan)}`}
              onClick={() => props.onStart(plan)}
            >
              Start call
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
