// The side panel: the whole call beside the meeting, covering none of it. The manager's notes desk, and the rep's
// full agenda. It shows the very call the HUD on the meeting tab shows: both read and write through the service
// worker, which tells every surface of each change (platform/changes.ts), so nothing is stored twice and a Next in
// one shows in the other at once.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isNewerCall, type Call, type Role } from '../domain/call';
import { askCue, callProgress, roleCues, timeSpentPerItem } from '../domain/call-progress';
import { meetingKey, type MeetingId } from '../domain/meeting-url';
import { DEFAULT_NOTE_TAGS, type NoteTag } from '../domain/note';
import { planDisplayName, type Plan } from '../domain/plan';
import { loadDefaultRole, saveDefaultRole } from '../platform/device-settings';
import { browser } from '../platform/browser';
import { listenForChanges } from '../platform/changes';
import { loadNoteTags } from '../platform/note-tags';
import { requestFromServiceWorker } from '../platform/request';
import { AgendaList, Objectives, QuestionTicks } from '../ui/call/CallDetails';
import { NowTitle, TimeBar } from '../ui/call/CallHud';
import { NoteLine } from '../ui/call/NoteLine';
import { NoteList } from '../ui/call/NoteList';
import { useNotes } from '../ui/call/useNotes';
import { useNow } from '../ui/call/useNow';
import { errorText } from '../domain/text';
import { debriefPage } from '../ui/pages';
import { useCallAlive } from '../ui/call/useCallAlive';
import { Alert, LoadFailed } from '../ui/problem';
import { useCallWrite } from '../ui/call/useCallWrite';

type Shown =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; call: Call | null; ended: Call | null };

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
  const key = meetingKey(meeting);
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  const [tags, setTags] = useState<NoteTag[]>(DEFAULT_NOTE_TAGS);
  const call = shown.status === 'ready' ? shown.call : null;
  const now = useNow(call !== null);
  const notes = useNotes(call);

  const show = (next: Call) =>
    setShown((previous) => {
      const current = previous.status === 'ready' ? previous.call : null;
      // Two changes may arrive out of order: never show an older version over a newer one.
      if (!isNewerCall(next, current)) return previous;
      if (next.endedAt === null) return { status: 'ready', call: next, ended: null };
      // An older call of this meeting ending says nothing about the one running now.
      if (current && current.id !== next.id) return previous;
      return { status: 'ready', call: null, ended: next };
    });

  const load = async () => {
    setShown({ status: 'loading' });
    try {
      const state = await requestFromServiceWorker({ type: 'meeting/state', meeting });
      setShown({ status: 'ready', call: state.activeCall, ended: null });
    } catch (error) {
      setShown({ status: 'failed', message: errorText(error) });
    }
  };

  useEffect(() => {
    void loadNoteTags().then(setTags);
    void load();
    return listenForChanges((change) => {
      if (change.type === 'changed/call' && meetingKey(change.call.meeting) === key) show(change.call);
    });
  }, [key]);

  // As the HUD does: a call shown only here (the companion window) must not end as "gone".
  useCallAlive(call?.id ?? null);

  /** One write through the service worker; what shows is what storage returned. */
  const { busy, actionError, act } = useCallWrite(show);

  return (
    <main class="side">
      {shown.status === 'loading' && <p class="muted">Loading the call…</p>}
      {shown.status === 'failed' && <LoadFailed message={shown.message} onRetry={() => void load()} />}
      <Alert text={actionError} />
      {shown.status === 'ready' && !call && (
        <NoCall
          ended={shown.ended}
          startable={startable}
          busy={busy}
          onStart={(plan, role) =>
            void act(() => requestFromServiceWorker({ type: 'call/start', planId: plan.id, meeting, role }))
          }
        />
      )}
      {call &&
        floating?.({
          call,
          now,
          busy,
          notes,
          tags,
          onMove: (toItemIndex) =>
            void act(() =>
              requestFromServiceWorker({ type: 'call/moveTo', callId: call.id, toItemIndex, role: call.role }),
            ),
          onEnd: () => void act(() => requestFromServiceWorker({ type: 'call/end', callId: call.id })),
        })}
      {call && (
        <CallDesk
          call={call}
          now={now}
          busy={busy}
          notes={<NoteDesk notes={notes} tags={tags} />}
          onMove={(toItemIndex) =>
            void act(() =>
              requestFromServiceWorker({ type: 'call/moveTo', callId: call.id, toItemIndex, role: call.role }),
            )
          }
          onTick={(questionId, ticked) =>
            void act(() => requestFromServiceWorker({ type: 'call/tickQuestion', callId: call.id, questionId, ticked }))
          }
          onEnd={() => void act(() => requestFromServiceWorker({ type: 'call/end', callId: call.id }))}
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
  notes: ReturnType<typeof useNotes>;
  tags: NoteTag[];
  onMove: (toItemIndex: number) => void;
  onEnd: () => void;
}

function NoCall(props: {
  ended: Call | null;
  startable: Plan | undefined;
  busy: boolean;
  onStart: (plan: Plan, role: Role) => void;
}) {
  const { ended, startable } = props;
  const [role, setRole] = useState<Role>('rep');
  useEffect(() => void loadDefaultRole().then(setRole), []);
  if (startable) {
    return (
      <>
        <h1>{planDisplayName(startable)}</h1>
        {ended && (
          <p role="status">
            The call ended. <button onClick={() => openDebrief(ended)}>Open the debrief</button>
          </p>
        )}
        <fieldset class="role">
          <legend>On this call I am</legend>
          {(['rep', 'manager'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="role"
                value={option}
                checked={role === option}
                onChange={() => {
                  setRole(option);
                  void saveDefaultRole(option);
                }}
              />
              {option === 'rep' ? 'the rep' : 'the manager'}
            </label>
          ))}
        </fieldset>
        <p class="muted">
          For a call in a desktop app, on the phone or in person. Keep this window beside the call, or float the HUD on
          top once the call runs.
        </p>
        <button class="primary" disabled={props.busy} onClick={() => props.onStart(startable, role)}>
          {ended ? 'Start another call' : 'Start the call'}
        </button>
      </>
    );
  }
  if (!ended) {
    return (
      <>
        <h1>Ridealong</h1>
        <p>
          No call is running in this meeting yet. Choose a plan in the Ridealong box on the meeting tab; the call shows
          here as soon as it starts.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Call ended</h1>
      <p>“{planDisplayName(ended.planSnapshot)}” has ended. Debrief it while it is fresh: the rep speaks first.</p>
      <button class="primary" onClick={() => openDebrief(ended)}>
        Open the debrief
      </button>
    </>
  );
}

function openDebrief(call: Call): void {
  void browser.tabs.create({
    url: browser.runtime.getURL(debriefPage({ name: 'call', callId: call.id })),
  });
}

function CallDesk(props: {
  call: Call;
  now: number;
  busy: boolean;
  notes: ComponentChildren;
  onMove: (toItemIndex: number) => void;
  onTick: (questionId: string, ticked: boolean) => void;
  onEnd: () => void;
}) {
  const { call, now } = props;
  const plan = call.planSnapshot;
  const progress = callProgress(call, now);
  const rep = call.role === 'rep';
  const cues = roleCues(plan, call.role, progress.item);
  // The rep sees the manager's guardrails too: both agreed them, and the rep knows when help may come.
  const guardrails = rep ? roleCues(plan, 'manager', progress.item).guardrails : cues.guardrails;
  const atStart = progress.itemIndex === 0;
  const atEnd = progress.isLastItem;
  return (
    <div class="call desk" data-role={call.role}>
      <header class="desk-header">
        <h1>{planDisplayName(plan)}</h1>
        <p class="muted">You are the {rep ? 'rep' : 'manager'} on this call.</p>
      </header>
      <section aria-label="Now" class="desk-now">
        <NowTitle call={call} now={now} />
        <div class="times">
          <TimeBar class="item" label="Item" elapsedMs={progress.itemElapsedMs} boxMs={progress.itemBoxMs} />
          <TimeBar class="total" label="Call" elapsedMs={progress.callElapsedMs} boxMs={progress.callPlannedMs} />
        </div>
        <p class="cue">{cues.now}</p>
        {progress.askNow && (
          <p class="ask" role="status">
            <strong>{rep ? 'Ask now:' : 'The ask:'}</strong> {askCue(plan, call.role)}
          </p>
        )}
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus mid-call. */}
        <div class="actions">
          <button
            aria-disabled={atStart || props.busy}
            onClick={() => !atStart && !props.busy && props.onMove(progress.itemIndex - 1)}
          >
            Back
          </button>
          <button
            class={rep ? 'primary' : undefined}
            aria-disabled={atEnd || props.busy}
            onClick={() => !atEnd && !props.busy && props.onMove(progress.itemIndex + 1)}
          >
            Next item
          </button>
        </div>
        {!rep && (
          <p class="muted small">The rep moves the call along; Back and Next here only follow it on this device.</p>
        )}
      </section>
      {guardrails.length > 0 && (
        <section aria-labelledby="guardrails-heading">
          <h2 id="guardrails-heading">{rep ? 'The manager’s guardrails' : 'Your guardrails'}</h2>
          <ul class="guardrails">
            {guardrails.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">Objectives</h2>
        <Objectives call={call} />
      </section>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda, planned and spent</h2>
        <AgendaList call={call} itemIndex={progress.itemIndex} spentMs={timeSpentPerItem(call, now)} leads />
      </section>
      <QuestionTicks call={call} askNow={progress.askNow} onTick={props.onTick} />
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        {props.notes}
      </section>
      <div class="actions end-row">
        <button class="end" onClick={() => !props.busy && props.onEnd()}>
          End call
        </button>
      </div>
    </div>
  );
}

function NoteDesk({ notes, tags }: { notes: ReturnType<typeof useNotes>; tags: NoteTag[] }) {
  return (
    <>
      <NoteLine notes={notes} tags={tags} focusRequest={0} />
      <NoteList notes={notes} all />
    </>
  );
}
