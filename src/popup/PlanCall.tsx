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
import { newId, type PlanSectionProps } from './plan-section';
import type { FieldProblems } from './useFieldProblems';

type Props = PlanSectionProps & { fields: FieldProblems };

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
      <label>
        Title
        <input
          value={value.title}
          maxLength={200}
          placeholder="Acme Logistics: proposal review"
          onInput={(event) => update({ title: event.currentTarget.value })}
        />
      </label>
      <label>
        Account (customer company)
        <input
          value={value.account}
          maxLength={200}
          onInput={(event) => update({ account: event.currentTarget.value })}
        />
      </label>
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
        <label>
          Rep
          <input
            value={value.repName}
            maxLength={100}
            onInput={(event) => update({ repName: event.currentTarget.value })}
          />
        </label>
        <label>
          Manager
          <input
            value={value.managerName}
            maxLength={100}
            onInput={(event) => update({ managerName: event.currentTarget.value })}
          />
        </label>
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
    </>
  );
}
