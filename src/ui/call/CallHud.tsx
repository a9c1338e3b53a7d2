// The call on the meeting tab, as a heads-up display: readable at a glance, never a scroll. The rep sees where the
// call is, the two time boxes, the ask when it is time, and Back and Next; the manager sees their part now, what not
// to raise and when to step in, and the note line. Everything else (the agenda, the questions to tick, the notes
// list, the objectives in full) is one click away under "More".
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Call } from '../../domain/call';
import {
  askCue,
  callProgress,
  formatClock,
  openQuestions,
  roleCues,
  timeStatus,
  timeStatusWords,
} from '../../domain/call-progress';
import { planDisplayName } from '../../domain/plan';
import { AgendaList, Objectives, QuestionTicks } from './CallDetails';
import { EndButton, StepButtons } from './CallControls';
import { LEAD_NAMES } from '../labels';

/** A time box as a bar and in words: "Item 4:12 of 10:00 · in time". */
export function TimeBar(props: { label: string; elapsedMs: number; boxMs: number; class: string }) {
  const status = timeStatus(props.elapsedMs, props.boxMs);
  const share = props.boxMs > 0 ? Math.min(1, props.elapsedMs / props.boxMs) : 1;
  return (
    <div class={`time ${props.class} ${status}`}>
      <span class="time-text">
        {props.label} {formatClock(props.elapsedMs)} of {formatClock(props.boxMs)} ·{' '}
        <strong>{timeStatusWords(props.elapsedMs, props.boxMs)}</strong>
      </span>
      <span class="time-track" aria-hidden="true">
        <span class="time-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </div>
  );
}

/** The current item and who leads it, on one line: the HUD's header. */
export function NowTitle({ call, now }: { call: Call; now: number }) {
  const progress = callProgress(call, now);
  return (
    <div class="now-title" aria-live="polite">
      <strong>
        {progress.itemIndex + 1} of {call.planSnapshot.agenda.length} · {progress.item.title}
      </strong>{' '}
      <span class="muted">({LEAD_NAMES[progress.item.lead]})</span>
    </div>
  );
}

export function CallHud(props: {
  call: Call;
  now: number;
  /** The note line with its tag keys: the manager's, compact, in the HUD; the rep's under More, opened by `reveal`. */
  noteLine: (options: { reveal?: () => void; compact?: boolean }) => ComponentChildren;
  /** The latest notes with edit and delete, under More. */
  noteList: ComponentChildren;
  busy: boolean;
  onMove: (toItemIndex: number) => void;
  onTick: (questionId: string, ticked: boolean) => void;
  onEnd: () => void;
  /** False where the HUD stands alone (the floating window): no More fold, which would make it grow. */
  fold?: boolean;
}) {
  const { call, now } = props;
  const plan = call.planSnapshot;
  const progress = callProgress(call, now);
  const cues = roleCues(plan, call.role, progress.item);
  const stillOpen = openQuestions(call);
  const manager = call.role === 'manager';
  const [moreOpen, setMoreOpen] = useState(false);
  const steps = {
    itemIndex: progress.itemIndex,
    isLastItem: progress.isLastItem,
    busy: props.busy,
    onMove: props.onMove,
  };
  // The manager's are small, beside the item's time: the rep moves the call along, the manager's device only follows.
  const compactActions = (
    <div class="actions compact">
      <StepButtons {...steps} compact />
      <EndButton busy={props.busy} onEnd={props.onEnd} compact />
    </div>
  );
  const actions = (
    <div class="actions">
      <EndButton busy={props.busy} onEnd={props.onEnd} />
      <StepButtons {...steps} primaryNext />
    </div>
  );
  return (
    <div class="call hud" data-role={call.role}>
      <div class="times">
        <TimeBar class="item" label="Item" elapsedMs={progress.itemElapsedMs} boxMs={progress.itemBoxMs} />
        {manager ? (
          compactActions
        ) : (
          <TimeBar class="total" label="Call" elapsedMs={progress.callElapsedMs} boxMs={progress.callPlannedMs} />
        )}
      </div>

      {manager ? (
        <>
          <p class="cue" data-role={call.role}>
            {cues.now}
          </p>
          {cues.guardrails.length > 0 && (
            <ul class="guardrails" aria-label="Guardrails">
              {cues.guardrails.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {/* No ask box for the manager: "stay quiet, the rep asks" is the cue line itself in the last item. */}
          {props.noteLine({ compact: true })}
        </>
      ) : (
        <>
          {progress.askNow && (
            <p class="ask" role="status">
              <strong>Ask now:</strong> {askCue(plan, call.role)}
            </p>
          )}
        </>
      )}

      {!manager && actions}
      {props.fold !== false && (
        <More
          call={call}
          itemIndex={progress.itemIndex}
          stillOpen={stillOpen}
          askNow={progress.askNow}
          open={moreOpen}
          onOpen={setMoreOpen}
          onTick={props.onTick}
        >
          {!manager && props.noteLine({ reveal: () => setMoreOpen(true) })}
          {props.noteList}
        </More>
      )}
    </div>
  );
}

/** The rest of the call, folded: it makes the overlay taller, so it is opened on purpose and closed again. */
function More(props: {
  call: Call;
  itemIndex: number;
  stillOpen: Call['planSnapshot']['questions'];
  askNow: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
  onTick: (questionId: string, ticked: boolean) => void;
  children: ComponentChildren;
}) {
  const { call } = props;
  const plan = call.planSnapshot;
  return (
    <details class="more" open={props.open} onToggle={(event) => props.onOpen(event.currentTarget.open)}>
      <summary>
        More:{' '}
        {props.stillOpen.length === 0
          ? 'all questions covered'
          : `${props.stillOpen.length} ${props.stillOpen.length === 1 ? 'question' : 'questions'} open`}
        , agenda, notes
      </summary>
      <div class="plan-title">{planDisplayName(plan)}</div>
      {props.call.role === 'rep' && <p class="cue">{roleCues(plan, 'rep', plan.agenda[props.itemIndex]!).now}</p>}
      <Objectives call={call} />
      <AgendaList call={call} itemIndex={props.itemIndex} />
      <QuestionTicks call={call} askNow={props.askNow} onTick={props.onTick} />
      {props.children}
    </details>
  );
}
