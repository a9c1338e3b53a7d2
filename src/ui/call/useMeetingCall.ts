// The call of one meeting, as every in-call surface holds it (the HUD, the side panel, the companion window): read
// through the service worker, kept in step with what the other surfaces change (platform/changes.ts), written through
// the worker, and told alive while it is on screen. What shows is always what storage returned.
import { useEffect, useRef, useState } from 'preact/hooks';
import { replacesShownCall, type Call, type Role } from '../../domain/call';
import { meetingKey, type MeetingId } from '../../domain/meeting-url';
import { DEFAULT_NOTE_TAGS, type NoteTag } from '../../domain/note';
import type { Plan } from '../../domain/plan';
import { listenForChanges } from '../../platform/changes';
import type { MeetingState } from '../../platform/messages';
import { loadNoteTags } from '../../platform/note-tags';
import { requestFromServiceWorker } from '../../platform/request';
import { useLoad, type Loadable } from '../useLoad';
import { useCallAlive } from './useCallAlive';
import { useCallWrite } from './useCallWrite';
import { useNotes } from './useNotes';
import { useNow } from './useNow';

/** The meeting as the worker describes it, and the call of it that ended while this surface was open. */
export interface ShownMeeting extends MeetingState {
  ended: Call | null;
}

const LOADING: Loadable<ShownMeeting> = { status: 'loading' };

export function useMeetingCall(
  meeting: MeetingId,
  options: {
    /** Holds back a call storage reports, instead of showing it (the HUD, while its own moves are on their way). */
    hold?: (call: Call) => boolean;
    /** False while the surface still reads something of its own: until then it shows "Loading", whatever arrived. */
    shown?: boolean;
  } = {},
) {
  const key = meetingKey(meeting);
  const state = useLoad(
    async (): Promise<ShownMeeting> => ({
      ...(await requestFromServiceWorker({ type: 'meeting/state', meeting })),
      ended: null,
    }),
    [key],
  );
  const loaded = options.shown === false ? LOADING : state.loaded;
  const call = loaded.status === 'ready' ? loaded.value.activeCall : null;
  const hold = useRef(options.hold);
  hold.current = options.hold;

  /** Shows a call as storage returned it, here or on another surface; never an older version over a newer one. */
  const show = (incoming: Call) => {
    if (hold.current?.(incoming)) return;
    state.update((shown) => {
      if (!replacesShownCall(incoming, shown.activeCall)) return shown;
      return incoming.endedAt === null
        ? { ...shown, activeCall: incoming, ended: null }
        : { ...shown, activeCall: null, ended: incoming };
    });
  };
  /** Shows this call (or none) as it is, without asking whether it is newer: the HUD's own move, or its undoing. */
  const setCall = (shownCall: Call | null) => state.update((shown) => ({ ...shown, activeCall: shownCall }));

  const [tags, setTags] = useState<NoteTag[]>(DEFAULT_NOTE_TAGS);
  useEffect(() => {
    void loadNoteTags().then(setTags);
  }, []);
  // A change made on another surface: the call shown is always the stored one. A commit made anywhere (the popup
  // ending the call, a restore, an import, team sync) names the records it changed: the shown call is read again;
  // with none shown, the meeting is (its plans and any call of it).
  const shownId = useRef<string | null>(null);
  shownId.current = call?.id ?? null;
  useEffect(
    () =>
      listenForChanges((change) => {
        if (change.type === 'changed/call' && meetingKey(change.call.meeting) === key) show(change.call);
        if (change.type !== 'changed/records') return;
        const calls = change.changes.filter((row) => row.kind === 'call');
        const shown = shownId.current;
        if (shown && calls.some((row) => row.id === shown)) {
          void requestFromServiceWorker({ type: 'call/get', callId: shown }).then(
            (stored) => stored && show(stored),
            () => undefined,
          );
        } else if (!shown && change.changes.some((row) => row.kind === 'call' || row.kind === 'plan')) {
          // The plans offered and any call of this meeting, as stored now (a plan deleted, imported or edited); the
          // call that just ended stays said.
          void requestFromServiceWorker({ type: 'meeting/state', meeting }).then(
            (fresh) => {
              state.update((current) => ({
                ...current,
                linkedPlans: fresh.linkedPlans,
                nearbyPlans: fresh.nearbyPlans,
              }));
              if (fresh.activeCall) show(fresh.activeCall);
            },
            () => undefined,
          );
        }
      }),
    [key],
  );
  useCallAlive(call?.id ?? null);

  const now = useNow(call !== null);
  const notes = useNotes(call);
  const write = useCallWrite(show);
  /** A write to the call shown; nothing when none is. */
  const onCall = (send: (shown: Call) => Promise<Call>) => (call ? write.act(() => send(call)) : Promise.resolve());
  return {
    loaded,
    /** Reads the meeting again, from "Loading": Try again, Check again. */
    retry: state.retry,
    call,
    setCall,
    now,
    notes,
    tags,
    ...write,
    start: (plan: Plan, role: Role) =>
      write.act(() => requestFromServiceWorker({ type: 'call/start', planId: plan.id, meeting, role })),
    moveTo: (toItemIndex: number) =>
      onCall((shown) =>
        requestFromServiceWorker({ type: 'call/moveTo', callId: shown.id, toItemIndex, role: shown.role }),
      ),
    tick: (questionId: string, ticked: boolean) =>
      onCall((shown) => requestFromServiceWorker({ type: 'call/tickQuestion', callId: shown.id, questionId, ticked })),
    end: () => onCall((shown) => requestFromServiceWorker({ type: 'call/end', callId: shown.id })),
  };
}

export type MeetingCall = ReturnType<typeof useMeetingCall>;
