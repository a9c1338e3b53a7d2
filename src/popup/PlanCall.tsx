import {
  CALL_TYPES,
  MAX_ATTENDEES,
  MAX_CALL_MINUTES,
  MIN_CALL_MINUTES,
  formatLocalDateTime,
  meetingLinkProblem,
  parseLocalDateTime,
  withMeetingLink,
  type Plan,
} from '../domain/plan';
import { CALL_TYPE_LABELS } from '../domain/templates';
import { ListEditor } from '../ui/ListEditor';
import { newId, PlanText, type PlanSectionProps } from './plan-section';
import type { FieldProblems } from './useFieldProblems';

type Props = PlanSectionProps & { fields: FieldProblems };

const TITLE_EXAMPLE = 'Acme Logistics: proposal review';
const ATTENDEE_FIELDS = [
  ['name', 'Name'],
  ['role', 'Role'],
] as const;

/** The call: what kind, with whom, when and where. */
export function PlanCall({ value, update, fields }: Props) {
  return (
    <fieldset>
      <legend>The call</legend>
      <label>
        Call type
        <select
          value={value.callType}
          onChange={(event) => update({ callType: event.currentTarget.value as Plan['callType'] })}
        >
          {CALL_TYPES.map((type) => (
            <option key={type} value={type}>
              {CALL_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <PlanText {...{ value, update }} label="Title" field="title" placeholder={TITLE_EXAMPLE} />
      <PlanText {...{ value, update }} label="Account (customer company)" field="account" />
      <CallTimeAndPlace value={value} update={update} fields={fields} />
      <CallPeople value={value} update={update} />
    </fieldset>
  );
}

/** When the call starts, how long it is planned to take, and its meeting link. */
function CallTimeAndPlace({ value, update, fields }: Props) {
  const { drafts, problems, setDraft, setProblem, numberInput, problemText } = fields;
  const linkProblem = meetingLinkProblem(value.meetingLink);
  return (
    <>
      <div class="row">
        <label>
          Starts
          <input
            type="datetime-local"
            value={drafts.start ?? formatLocalDateTime(value.scheduledStart)}
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
            {...numberInput('duration', value.durationMinutes, MIN_CALL_MINUTES, MAX_CALL_MINUTES, (minutes) =>
              update({ durationMinutes: minutes }),
            )}
          />
          {problemText('duration')}
        </label>
      </div>
      <label>
        Meeting link
        <input
          type="url"
          value={value.meetingLink}
          maxLength={2048}
          placeholder="https://meet.google.com/abc-defg-hij"
          aria-invalid={linkProblem ? true : undefined}
          aria-describedby={linkProblem ? 'problem-link' : undefined}
          onInput={(event) => update((current) => withMeetingLink(current, event.currentTarget.value))}
        />
        {linkProblem && (
          <span class="field-problem" id="problem-link">
            {linkProblem}
          </span>
        )}
      </label>
    </>
  );
}

/** The rep, the manager and the customer's attendees. */
function CallPeople({ value, update }: PlanSectionProps) {
  return (
    <>
      <div class="row">
        <PlanText {...{ value, update }} label="Rep" field="repName" />
        <PlanText {...{ value, update }} label="Manager" field="managerName" />
      </div>
      <ListEditor
        class="list-editor"
        buttonType="button"
        legend="Customer attendees"
        items={value.attendees}
        addLabel="Add attendee"
        max={MAX_ATTENDEES}
        full={`That’s ${MAX_ATTENDEES} attendees, the most a plan holds. Name the ones who decide.`}
        onChange={(attendees) => update({ attendees })}
        create={() => ({ id: newId(), name: '', role: '' })}
        render={(attendee, index, change) =>
          ATTENDEE_FIELDS.map(([field, placeholder]) => (
            <input
              key={field}
              aria-label={`Attendee ${index + 1} ${field}`}
              placeholder={placeholder}
              value={attendee[field]}
              maxLength={100}
              onInput={(event) => change({ ...attendee, [field]: event.currentTarget.value })}
            />
          ))
        }
        itemName={(_, index) => `attendee ${index + 1}`}
      />
    </>
  );
}
