import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { currentItemIndex, type Call, type Role } from '../domain/call';
import type { MeetingId } from '../domain/meeting-url';
import { planDisplayName, plannedMinutes, type Plan } from '../domain/plan';
import { loadDefaultRole, saveDefaultRole } from '../platform/device-settings';
import type { MeetingState } from '../platform/messages';
import { requestFromServiceWorker } from '../platform/request';
import { formatDateTime, formatMinutes } from '../ui/format';

const LEAD_NAMES = { rep: 'rep leads', manager: 'manager leads', customer: 'customer' } as const;

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; state: MeetingState };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function OverlayApp({ meeting }: { meeting: MeetingId }) {
  const [expanded, setExpanded] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const userToggled = useRef(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [role, setRole] = useState<Role>('rep');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setLoaded({ status: 'loading' });
    try {
      setLoaded({ status: 'ready', state: await requestFromServiceWorker({ type: 'meeting/state', meeting }) });
    } catch (error) {
      setLoaded({ status: 'failed', message: errorText(error) });
    }
  }, [meeting]);

  useEffect(() => {
    void refresh();
    void loadDefaultRole().then(setRole);
  }, [refresh]);

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
  };

  const chooseRole = (next: Role) => {
    setRole(next);
    void saveDefaultRole(next);
  };

  /** Runs one write through the service worker; the call shown is always the one storage returned. */
  const act = async (send: () => Promise<Call>) => {
    setBusy(true);
    setActionError(null);
    try {
      const call = await send();
      setLoaded((previous) =>
        previous.status === 'ready' ? { status: 'ready', state: { ...previous.state, activeCall: call } } : previous,
      );
    } catch (error) {
      setActionError(`${errorText(error)} Nothing was lost; try again.`);
    } finally {
      setBusy(false);
    }
  };

  const activeCall = loaded.status === 'ready' ? loaded.state.activeCall : null;
  const firstPlan =
    loaded.status === 'ready' ? (loaded.state.linkedPlans[0] ?? loaded.state.nearbyPlans[0]) : undefined;
  const pillText = activeCall
    ? `${planDisplayName(activeCall.planSnapshot)} · item ${currentItemIndex(activeCall) + 1} of ${activeCall.planSnapshot.agenda.length}`
    : ((firstPlan && planDisplayName(firstPlan)) ??
      (loaded.status === 'loading' ? 'Loading…' : 'No plan for this meeting'));

  if (!expanded) {
    return (
      <div class="overlay pill-wrap">
        <button
          class="pill"
          aria-expanded="false"
          aria-label={`Open Ridealong: ${pillText}`}
          ref={toggleRef}
          onClick={() => toggle(true)}
        >
          <span class="brand" aria-hidden="true">
            R
          </span>
          <span class="pill-text">{pillText}</span>
        </button>
      </div>
    );
  }

  return (
    <section class="overlay panel" aria-label="Ridealong">
      <header class="panel-header">
        <h1>Ridealong</h1>
        <button ref={toggleRef} aria-expanded="true" aria-label="Collapse Ridealong" onClick={() => toggle(false)}>
          Hide
        </button>
      </header>
      {loaded.status === 'loading' && <p class="muted">Loading the plan…</p>}
      {loaded.status === 'failed' && (
        <div>
          <p class="error" role="alert">
            {loaded.message}
          </p>
          <button onClick={() => void refresh()}>Try again</button>
        </div>
      )}
      {actionError && (
        <p class="error" role="alert">
          {actionError}
        </p>
      )}
      {loaded.status === 'ready' &&
        (activeCall ? (
          <CallView
            call={activeCall}
            busy={busy}
            onMove={(toItemIndex) =>
              void act(() =>
                requestFromServiceWorker({ type: 'call/moveTo', callId: activeCall.id, toItemIndex, role }),
              )
            }
          />
        ) : (
          <PlanChooser
            state={loaded.state}
            role={role}
            busy={busy}
            onRole={chooseRole}
            onRefresh={() => void refresh()}
            onStart={(plan) =>
              void act(() => requestFromServiceWorker({ type: 'call/start', planId: plan.id, meeting, role }))
            }
          />
        ))}
    </section>
  );
}

function PlanChooser(props: {
  state: MeetingState;
  role: Role;
  busy: boolean;
  onRole: (role: Role) => void;
  onRefresh: () => void;
  onStart: (plan: Plan) => void;
}) {
  const { linkedPlans, nearbyPlans } = props.state;
  if (linkedPlans.length === 0 && nearbyPlans.length === 0) {
    return (
      <div>
        <p>No plan is linked to this meeting or scheduled around now.</p>
        <p class="muted">Create one from the Ridealong button in the browser toolbar, with this meeting’s link.</p>
        <button onClick={props.onRefresh}>Check again</button>
      </div>
    );
  }
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
      <PlanList heading="Linked to this meeting" plans={linkedPlans} {...props} />
      <PlanList heading="Scheduled around now" plans={nearbyPlans} {...props} />
    </div>
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

function CallView(props: { call: Call; busy: boolean; onMove: (toItemIndex: number) => void }) {
  const { call } = props;
  const agenda = call.planSnapshot.agenda;
  const current = currentItemIndex(call);
  const atStart = current === 0;
  const atEnd = current === agenda.length - 1;
  return (
    <div>
      <div class="plan-title">{planDisplayName(call.planSnapshot)}</div>
      <p class="muted">
        You are the {call.role} · item {current + 1} of {agenda.length}
      </p>
      <ol class="agenda">
        {agenda.map((item, index) => (
          <li
            key={item.id}
            class={index === current ? 'now' : undefined}
            aria-current={index === current ? 'step' : undefined}
          >
            {index === current && <strong class="now-label">Now: </strong>}
            {item.title}{' '}
            <span class="muted">
              ({LEAD_NAMES[item.lead]}, {formatMinutes(item.minutes)})
            </span>
          </li>
        ))}
      </ol>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus mid-call. */}
      <div class="actions">
        <button
          aria-disabled={atStart || props.busy}
          onClick={() => !atStart && !props.busy && props.onMove(current - 1)}
        >
          Back
        </button>
        <button
          class="primary"
          aria-disabled={atEnd || props.busy}
          onClick={() => !atEnd && !props.busy && props.onMove(current + 1)}
        >
          Next item
        </button>
      </div>
    </div>
  );
}
