// One plan in the popup's list, and the next call's card: its summary, what is still missing, and Edit, Share and
// running it in the companion window.
import { meetingFromUrl } from '../domain/meeting-url';
import { planDisplayName, plannedMinutes, type Plan } from '../domain/plan';
import { readiness } from '../domain/readiness';
import { browser } from '../platform/browser';
import { formatDateTime, formatMinutes } from '../ui/format';
import { CALL_TYPE_NAMES, PLATFORM_NAMES } from '../ui/labels';
import { companionPage } from '../ui/pages';

export interface RowProps {
  plan: Plan;
  onEdit: (plan: Plan) => void;
  onShare: (plan: Plan) => Promise<void>;
}

function PlanSummary({ plan }: { plan: Plan }) {
  const meeting = plan.meetingLink ? meetingFromUrl(plan.meetingLink.trim()) : null;
  return (
    <div class="muted">
      {CALL_TYPE_NAMES[plan.callType]} · {formatDateTime(plan.scheduledStart)} · {formatMinutes(plannedMinutes(plan))}
      {meeting ? ` · ${PLATFORM_NAMES[meeting.platform]}` : ' · no meeting link'}
    </div>
  );
}

/** The companion window: a call in a desktop app, on the phone or in person runs there. */
function openCompanion(plan: Plan): void {
  const url = browser.runtime.getURL(companionPage(plan.id));
  void browser.windows
    .create({ url, type: 'popup', width: 440, height: 760 })
    .catch(() => browser.tabs.create({ url }));
}

function RowActions({ plan, onEdit, onShare, withWindow = true }: RowProps & { withWindow?: boolean }) {
  const name = planDisplayName(plan);
  return (
    <div class="row-actions">
      <button aria-label={`Edit ${name}`} onClick={() => onEdit(plan)}>
        Edit
      </button>
      <button aria-label={`Share ${name}`} onClick={() => void onShare(plan)}>
        Share
      </button>
      {withWindow && (
        <button
          aria-label={`Run ${name} in a window`}
          title="For a desktop app, a phone call or a meeting in person"
          onClick={() => openCompanion(plan)}
        >
          Window
        </button>
      )}
    </div>
  );
}

export function PlanRow(props: RowProps) {
  return (
    <li>
      <div>
        <div class="plan-title">
          {planDisplayName(props.plan)}
          <TeamMark plan={props.plan} />
        </div>
        <PlanSummary plan={props.plan} />
      </div>
      <RowActions {...props} />
    </li>
  );
}

/** The next call, shown first and bigger, with what is still missing before it. */
export function NextPlan(props: RowProps) {
  const gaps = readiness(props.plan);
  return (
    <section class="next-plan" aria-label="Next call">
      <h2>Next call</h2>
      <div class="plan-title">
        {planDisplayName(props.plan)}
        <TeamMark plan={props.plan} />
      </div>
      <PlanSummary plan={props.plan} />
      <p class={gaps.length === 0 ? 'ready' : 'not-ready'}>
        {gaps.length === 0
          ? '✓ Ready for the call'
          : `${gaps.length} to do before the call. First: ${gaps[0]!.message}`}
      </p>
      {/* The card has the window button in full, below. */}
      <RowActions {...props} withWindow={false} />
      <button class="companion-open" onClick={() => openCompanion(props.plan)}>
        Run this call in a window
      </button>
      <p class="muted small-print">For the Zoom or Teams app, a phone call or a meeting in person.</p>
    </section>
  );
}

/** Says, in words, that the plan is shared with the team through team sync. */
function TeamMark({ plan }: { plan: Plan }) {
  return plan.team === true ? <span class="team-mark"> · 👥 shared with the team</span> : null;
}
