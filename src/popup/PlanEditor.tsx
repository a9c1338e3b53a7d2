import { useState } from 'preact/hooks';
import { customerAgendaText } from '../domain/customer-agenda';
import {
  AGENDA_LEADS,
  CALL_TYPES,
  MANAGER_PARTS,
  MAX_AGENDA_ITEMS,
  MAX_ATTENDEES,
  MAX_CALL_MINUTES,
  MAX_DO_NOT_RAISE,
  MAX_ITEM_MINUTES,
  MAX_QUESTIONS,
  MIN_CALL_MINUTES,
  MIN_ITEM_MINUTES,
  STAKES,
  changeAgenda,
  formatLocalDateTime,
  meetingLinkProblem,
  parseLocalDateTime,
  planDisplayName,
  plannedMinutes,
  withMeetingLink,
  type AgendaChange,
  type AgendaItem,
  type ManagerPart,
  type Plan,
} from '../domain/plan';
import { readiness } from '../domain/readiness';
import { CALL_TYPE_LABELS } from '../domain/templates';
import { browser } from '../platform/browser';
import { formatDateTime, formatMinutes } from '../ui/format';
import { ListEditor } from '../ui/ListEditor';
import { usePlanAutosave, type SaveState } from './usePlanAutosave';
import { planEditorInTab } from '../ui/pages';

interface Props {
  initial: Plan;
  /** False for a new plan: it is stored on its first change. */
  stored: boolean;
  inTab: boolean;
  onDone: () => void;
  onDelete: (plan: Plan) => void;
}

const LEAD_LABELS = { rep: 'Rep', manager: 'Manager', customer: 'Customer' } as const;
const PART_LABELS: Record<ManagerPart, string> = {
  climate: 'Set the climate',
  questions: 'Ask questions',
  present: 'Present',
  objections: 'Handle objections',
  observer: 'Silent observer',
};
const STAKES_LABELS = {
  low: 'Low: the rep may be left to fail, as a lesson',
  normal: 'Normal',
  high: 'High: step in before real damage',
} as const;

const newId = () => crypto.randomUUID();
const clock = {
  formatDate: (at: number) => formatDateTime(at),
  formatTime: (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
};

/** The whole plan, every field editable, saved as you type. */
export function PlanEditor({ initial, stored, inTab, onDone, onDelete }: Props) {
  const [plan, setPlan] = useState(initial);
  const { state, saveNow, discard, takeStored, overwriteStored } = usePlanAutosave(plan, setPlan, stored);
  /** Text typed into number and date fields that is not a valid value yet, so it isn't snapped back. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [agendaCopy, setAgendaCopy] = useState<string | null>(null);

  const update = (changes: Partial<Plan>) => setPlan((current) => ({ ...current, ...changes }));
  const setProblem = (key: string, message: string | null) =>
    setProblems((current) => {
      const next = { ...current };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });
  const setDraft = (key: string, value: string | null) =>
    setDrafts((current) => {
      const next = { ...current };
      if (value === null) delete next[key];
      else next[key] = value;
      return next;
    });

  const editAgenda = (change: AgendaChange, problemKey: string): boolean => {
    const result = changeAgenda(plan, change);
    setProblem(problemKey, result.ok ? null : result.message);
    if (result.ok) setPlan(() => result.plan);
    return result.ok;
  };

  const moveItem = (index: number, to: number, item: AgendaItem, direction: 'up' | 'down') => {
    if (!editAgenda({ kind: 'move', index, to }, `agenda.${item.id}`)) return;
    // Focus follows the item, so a keyboard user can keep moving it.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-move="${direction}"][data-item="${item.id}"]`)?.focus(),
    );
  };

  /** A whole-number field: valid input updates the plan; anything else stays visible with a message. */
  const numberInput = (key: string, value: number, min: number, max: number, apply: (value: number) => void) => ({
    type: 'number' as const,
    inputMode: 'numeric' as const,
    min,
    max,
    value: drafts[key] ?? String(value),
    'aria-invalid': problems[key] ? true : undefined,
    'aria-describedby': problems[key] ? `problem-${key}` : undefined,
    onInput: (event: Event) => {
      const text = (event.currentTarget as HTMLInputElement).value;
      const parsed = Number(text);
      if (/^\d+$/.test(text.trim()) && parsed >= min && parsed <= max) {
        setDraft(key, null);
        setProblem(key, null);
        apply(parsed);
      } else {
        setDraft(key, text);
        setProblem(key, `Enter ${min} to ${max} whole minutes.`);
      }
    },
  });

  const problemText = (key: string) =>
    problems[key] ? (
      <span class="field-problem" id={`problem-${key}`} role="alert">
        {problems[key]}
      </span>
    ) : null;

  const gaps = readiness(plan);
  const total = plannedMinutes(plan);
  const linkProblem = meetingLinkProblem(plan.meetingLink);

  return (
    <div class={inTab ? 'editor in-tab' : 'editor'}>
      <header class="editor-header">
        <h1>{planDisplayName(plan)}</h1>
        <SaveStatus state={state} onTakeStored={takeStored} onOverwrite={overwriteStored} />
      </header>

      <details class="readiness" open={gaps.length > 0}>
        <summary>{gaps.length === 0 ? '✓ Ready for the call' : `Before the call: ${gaps.length} to do`}</summary>
        <ol>
          {gaps.map((gap) => (
            <li key={gap.key}>
              <strong>{gap.message}</strong> <span class="muted">{gap.reason}</span>
            </li>
          ))}
        </ol>
      </details>

      <fieldset>
        <legend>The call</legend>
        <label>
          Call type
          <select
            value={plan.callType}
            onChange={(event) => update({ callType: event.currentTarget.value as Plan['callType'] })}
          >
            {CALL_TYPES.map((type) => (
              <option key={type} value={type}>
                {CALL_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input
            value={plan.title}
            maxLength={200}
            placeholder="Acme Logistics: proposal review"
            onInput={(event) => update({ title: event.currentTarget.value })}
          />
        </label>
        <label>
          Account (customer company)
          <input
            value={plan.account}
            maxLength={200}
            onInput={(event) => update({ account: event.currentTarget.value })}
          />
        </label>
        <div class="row">
          <label>
            Starts
            <input
              type="datetime-local"
              value={drafts.start ?? formatLocalDateTime(plan.scheduledStart)}
              aria-invalid={problems.start ? true : undefined}
              aria-describedby={problems.start ? 'problem-start' : undefined}
              onInput={(event) => {
                const text = event.currentTarget.value;
                const at = parseLocalDateTime(text);
                setDraft('start', at === null ? text : null);
                setProblem('start', at === null ? 'Pick the date and time of the call.' : null);
                if (at !== null) update({ scheduledStart: at });
              }}
            />
            {problemText('start')}
          </label>
          <label>
            Minutes planned
            <input
              {...numberInput('duration', plan.durationMinutes, MIN_CALL_MINUTES, MAX_CALL_MINUTES, (value) =>
                update({ durationMinutes: value }),
              )}
            />
            {problemText('duration')}
          </label>
        </div>
        <label>
          Meeting link
          <input
            type="url"
            value={plan.meetingLink}
            maxLength={2048}
            placeholder="https://meet.google.com/abc-defg-hij"
            aria-invalid={linkProblem ? true : undefined}
            aria-describedby={linkProblem ? 'problem-link' : undefined}
            onInput={(event) => setPlan((current) => withMeetingLink(current, event.currentTarget.value))}
          />
          {linkProblem && (
            <span class="field-problem" id="problem-link">
              {linkProblem}
            </span>
          )}
        </label>
        <div class="row">
          <label>
            Rep
            <input
              value={plan.repName}
              maxLength={100}
              onInput={(event) => update({ repName: event.currentTarget.value })}
            />
          </label>
          <label>
            Manager
            <input
              value={plan.managerName}
              maxLength={100}
              onInput={(event) => update({ managerName: event.currentTarget.value })}
            />
          </label>
        </div>
        <ListEditor
          class="list-editor"
          buttonType="button"
          legend="Customer attendees"
          items={plan.attendees}
          addLabel="Add attendee"
          max={MAX_ATTENDEES}
          full={`That’s ${MAX_ATTENDEES} attendees, the most a plan holds. Name the ones who decide.`}
          onChange={(attendees) => update({ attendees })}
          create={() => ({ id: newId(), name: '', role: '' })}
          render={(attendee, index, change) => (
            <>
              <input
                aria-label={`Attendee ${index + 1} name`}
                placeholder="Name"
                value={attendee.name}
                maxLength={100}
                onInput={(event) => change({ ...attendee, name: event.currentTarget.value })}
              />
              <input
                aria-label={`Attendee ${index + 1} role`}
                placeholder="Role"
                value={attendee.role}
                maxLength={100}
                onInput={(event) => change({ ...attendee, role: event.currentTarget.value })}
              />
            </>
          )}
          itemName={(_, index) => `attendee ${index + 1}`}
        />
      </fieldset>

      <fieldset>
        <legend>Objectives</legend>
        <label>
          Our objective for this call
          <textarea
            rows={2}
            maxLength={500}
            value={plan.objective}
            onInput={(event) => update({ objective: event.currentTarget.value })}
          />
        </label>
        <label>
          The customer’s objective for this call
          <textarea
            rows={2}
            maxLength={500}
            value={plan.customerObjective}
            onInput={(event) => update({ customerObjective: event.currentTarget.value })}
          />
        </label>
        <fieldset class="inline">
          <legend>The commitment we aim for</legend>
          {(['order', 'next-step'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="commitment-kind"
                checked={plan.commitment.kind === kind}
                onChange={() => update({ commitment: { ...plan.commitment, kind } })}
              />
              {kind === 'order' ? 'The order' : 'A named next step'}
            </label>
          ))}
        </fieldset>
        <label>
          {plan.commitment.kind === 'order'
            ? 'The order: what, how much, from when'
            : 'Next step: who does what, by when'}
          <input
            value={plan.commitment.text}
            maxLength={500}
            onInput={(event) => update({ commitment: { ...plan.commitment, text: event.currentTarget.value } })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>Agenda</legend>
        <p class={total > plan.durationMinutes ? 'total over' : 'total'} role="status">
          Time boxes: {formatMinutes(total)} of {formatMinutes(plan.durationMinutes)}
          {total > plan.durationMinutes && ` ⚠ ${formatMinutes(total - plan.durationMinutes)} over`}
        </p>
        <ol class="agenda-editor">
          {plan.agenda.map((item, index) => {
            const key = `agenda.${item.id}`;
            const n = index + 1;
            return (
              <li key={item.id} class="agenda-item">
                <div class="agenda-line">
                  <input
                    aria-label={`Item ${n} title`}
                    value={item.title}
                    maxLength={200}
                    onInput={(event) =>
                      editAgenda({ kind: 'update', index, changes: { title: event.currentTarget.value } }, key)
                    }
                  />
                  <input
                    aria-label={`Item ${n} minutes`}
                    class="minutes"
                    {...numberInput(`minutes.${item.id}`, item.minutes, MIN_ITEM_MINUTES, MAX_ITEM_MINUTES, (value) =>
                      editAgenda({ kind: 'update', index, changes: { minutes: value } }, key),
                    )}
                  />
                  <select
                    aria-label={`Item ${n} lead`}
                    value={item.lead}
                    onChange={(event) => {
                      const lead = event.currentTarget.value as AgendaItem['lead'];
                      // A refused choice snaps back to the rep, and the message says why.
                      if (!editAgenda({ kind: 'update', index, changes: { lead } }, key))
                        event.currentTarget.value = item.lead;
                    }}
                  >
                    {AGENDA_LEADS.map((lead) => (
                      <option key={lead} value={lead}>
                        {LEAD_LABELS[lead]} leads
                      </option>
                    ))}
                  </select>
                </div>
                <input
                  aria-label={`Item ${n} cue for the manager`}
                  placeholder="Manager’s cue, e.g. stay quiet, observe"
                  value={item.managerCue}
                  maxLength={300}
                  onInput={(event) =>
                    editAgenda({ kind: 'update', index, changes: { managerCue: event.currentTarget.value } }, key)
                  }
                />
                <div class="item-actions">
                  <button
                    type="button"
                    data-move="up"
                    data-item={item.id}
                    aria-label={`Move item ${n} up`}
                    aria-disabled={index === 0}
                    onClick={() => index > 0 && moveItem(index, index - 1, item, 'up')}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    data-move="down"
                    data-item={item.id}
                    aria-label={`Move item ${n} down`}
                    aria-disabled={index === plan.agenda.length - 1}
                    onClick={() => index < plan.agenda.length - 1 && moveItem(index, index + 1, item, 'down')}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove item ${n}`}
                    onClick={() => editAgenda({ kind: 'remove', index }, key)}
                  >
                    Remove
                  </button>
                </div>
                {problemText(key)}
                {problemText(`minutes.${item.id}`)}
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          aria-disabled={plan.agenda.length >= MAX_AGENDA_ITEMS}
          aria-describedby={plan.agenda.length >= MAX_AGENDA_ITEMS ? 'agenda-full' : undefined}
          onClick={() => {
            // Full: the reason is already shown beside the button, so a press changes nothing.
            if (plan.agenda.length >= MAX_AGENDA_ITEMS) return;
            editAgenda(
              { kind: 'add', item: { id: newId(), title: '', minutes: 5, lead: 'rep', managerCue: '' } },
              'agenda.add',
            );
          }}
        >
          Add item
        </button>
        {plan.agenda.length >= MAX_AGENDA_ITEMS ? (
          <span class="field-problem" id="agenda-full">
            That’s {MAX_AGENDA_ITEMS} items, the most an agenda holds. Merge or remove one to add another.
          </span>
        ) : (
          problemText('agenda.add')
        )}
      </fieldset>

      <fieldset>
        <legend>The manager’s part</legend>
        <div class="checks">
          {MANAGER_PARTS.map((part) => (
            <label key={part}>
              <input
                type="checkbox"
                checked={plan.managerParts.includes(part)}
                onChange={(event) =>
                  update({
                    managerParts: event.currentTarget.checked
                      ? MANAGER_PARTS.filter((p) => p === part || plan.managerParts.includes(p))
                      : plan.managerParts.filter((p) => p !== part),
                  })
                }
              />
              {PART_LABELS[part]}
            </label>
          ))}
        </div>
        <label>
          More about the manager’s part
          <textarea
            rows={2}
            maxLength={500}
            value={plan.managerNote}
            onInput={(event) => update({ managerNote: event.currentTarget.value })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>Guardrails</legend>
        <ListEditor
          class="list-editor"
          buttonType="button"
          legend="Topics the manager must not raise"
          items={plan.doNotRaise.map((text, index) => ({ id: String(index), text }))}
          addLabel="Add topic"
          max={MAX_DO_NOT_RAISE}
          full={`That’s ${MAX_DO_NOT_RAISE} topics, the most a plan holds. Keep the ones that could lose the deal.`}
          onChange={(topics) => update({ doNotRaise: topics.map((topic) => topic.text) })}
          create={() => ({ id: newId(), text: '' })}
          render={(topic, index, change) => (
            <input
              aria-label={`Topic ${index + 1} not to raise`}
              value={topic.text}
              maxLength={200}
              onInput={(event) => change({ ...topic, text: event.currentTarget.value })}
            />
          )}
          itemName={(_, index) => `topic ${index + 1}`}
        />
        <label>
          The manager steps in only if
          <input
            value={plan.stepInWhen}
            maxLength={300}
            onInput={(event) => update({ stepInWhen: event.currentTarget.value })}
          />
        </label>
        <label>
          The agreed signal
          <input
            value={plan.stepInSignal}
            maxLength={200}
            placeholder="The rep says: “Dana, what’s your view?”"
            onInput={(event) => update({ stepInSignal: event.currentTarget.value })}
          />
        </label>
        <fieldset class="stack">
          <legend>Stakes</legend>
          {STAKES.map((stakes) => (
            <label key={stakes}>
              <input type="radio" name="stakes" checked={plan.stakes === stakes} onChange={() => update({ stakes })} />
              {STAKES_LABELS[stakes]}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Questions to cover</legend>
        <ListEditor
          class="list-editor"
          buttonType="button"
          legend="Questions"
          items={plan.questions}
          addLabel="Add question"
          max={MAX_QUESTIONS}
          full={`That’s ${MAX_QUESTIONS} questions, the most a plan holds. One call rarely covers more.`}
          onChange={(questions) => update({ questions })}
          create={() => ({ id: newId(), text: '' })}
          render={(question, index, change) => (
            <input
              aria-label={`Question ${index + 1}`}
              value={question.text}
              maxLength={300}
              onInput={(event) => change({ ...question, text: event.currentTarget.value })}
            />
          )}
          itemName={(_, index) => `question ${index + 1}`}
        />
      </fieldset>

      <fieldset>
        <legend>Agreed</legend>
        <AgreementCheck
          label="Reviewed together, rep and manager"
          at={plan.reviewedTogetherAt}
          onChange={(reviewedTogetherAt) => update({ reviewedTogetherAt })}
        />
        <AgreementCheck
          label="Agenda sent to the customer"
          at={plan.agendaSentAt}
          onChange={(agendaSentAt) => update({ agendaSentAt })}
        />
        <button
          type="button"
          onClick={() => {
            const text = customerAgendaText(plan, clock);
            setAgendaCopy(text);
            void navigator.clipboard.writeText(text).catch(() => undefined);
          }}
        >
          Copy the agenda for the customer
        </button>
        {agendaCopy !== null && (
          <label>
            Agenda for the customer (copied; no internal notes)
            <textarea readOnly rows={8} value={agendaCopy} />
          </label>
        )}
      </fieldset>

      <div class="form-actions">
        <button
          type="button"
          class="danger"
          onClick={() => {
            discard();
            onDelete(plan);
          }}
        >
          Delete plan
        </button>
        {!inTab && (
          <button
            type="button"
            onClick={() =>
              void saveNow({ force: true }).then(() =>
                browser.tabs.create({
                  url: browser.runtime.getURL(planEditorInTab(plan.id)),
                }),
              )
            }
          >
            Open in a tab
          </button>
        )}
        <button type="button" class="primary" onClick={() => void saveNow().then(onDone)}>
          Done
        </button>
      </div>
    </div>
  );
}

function SaveStatus(props: {
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

function AgreementCheck(props: { label: string; at: number | null; onChange: (at: number | null) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.at !== null}
        onChange={(event) => props.onChange(event.currentTarget.checked ? Date.now() : null)}
      />
      {props.label}
      {props.at !== null && <span class="muted"> ({formatDateTime(props.at)})</span>}
    </label>
  );
}
