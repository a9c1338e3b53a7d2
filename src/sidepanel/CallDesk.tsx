// The whole call beside the meeting: where it is and the time boxes, the cues, the guardrails, the objectives, the
// agenda with the time spent on each item, the questions to tick and every note.
import type { ComponentChildren } from 'preact';
import type { Call } from '../domain/call';
import { askCue, callProgress, roleCues, timeSpentPerItem } from '../domain/call-progress';
import type { NoteTag } from '../domain/note';
import { planDisplayName } from '../domain/plan';
import { AgendaList, Objectives, QuestionTicks } from '../ui/call/CallDetails';
import { EndButton, StepButtons } from '../ui/call/CallControls';
import { NowTitle, TimeBar } from '../ui/call/CallHud';
import { NoteLine } from '../ui/call/NoteLine';
import { NoteList } from '../ui/call/NoteList';
import type { NotesState } from '../ui/call/useNotes';

export function CallDesk(props: {
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
        <div class="actions">
          <StepButtons
            itemIndex={progress.itemIndex}
            isLastItem={progress.isLastItem}
            busy={props.busy}
            onMove={props.onMove}
            primaryNext={rep}
          />
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
        <EndButton busy={props.busy} onEnd={props.onEnd} />
      </div>
    </div>
  );
}

export function NoteDesk({ notes, tags }: { notes: NotesState; tags: NoteTag[] }) {
  return (
    <>
      <NoteLine notes={notes} tags={tags} focusRequest={0} />
      <NoteList notes={notes} all />
    </>
  );
}
