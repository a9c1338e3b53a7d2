// No call running in this meeting yet: the plans linked to it or scheduled around now, a search for any other, and
// the choices that go with starting (the role, starting by itself, not now for this meeting).
import { useState } from 'preact/hooks';
import type { Role } from '../domain/call';
import { planDisplayName, plannedMinutes, type Plan } from '../domain/plan';
import { errorText } from '../domain/text';
import type { MeetingState } from '../platform/messages';
import { requestFromServiceWorker } from '../platform/request';
import { RolePicker } from '../ui/call/RolePicker';
import { formatDateTime, formatMinutes } from '../ui/format';
import { LEAD_NAMES } from '../ui/labels';

export function PlanChooser(props: {
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
      <RolePicker role={props.role} onRole={props.onRole} />
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
