import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { isTeamsCallScreen, isZoomWebAppHome, meetingFromUrl } from '../domain/meeting-url';
import { CALL_TYPES, MAX_CALL_MINUTES, planDisplayName, plannedMinutes, type Plan } from '../domain/plan';
import { planFileName, planFileText } from '../domain/plan-file';
import { groupPlans } from '../domain/plan-list';
import { readiness } from '../domain/readiness';
import { encodeShareCode } from '../domain/share-code';
import { planFromTemplate, samplePlan } from '../domain/templates';
import { browser } from '../platform/browser';
import { callToDebrief, endCall, type Call } from '../domain/call';
import { listCallsNewestFirst, updateCall } from '../storage/calls';
import {
  deletePlan,
  getPlan,
  listPlansBySchedule,
  listPlansStartingFrom,
  markPlansShared,
  savePlan,
} from '../storage/plans';
import { downloadFile } from '../ui/files';
import { formatDateTime, formatMinutes } from '../ui/format';
import { CALL_TYPE_NAMES, PLATFORM_NAMES } from '../ui/labels';
import { DataLossNotice, StorageProblem } from '../ui/storage-problem';
import { runOnTab } from '../platform/on-demand';
import { openCallPanel } from '../platform/side-panel';
import { companionPage, debriefPage, planIdFromHash } from '../ui/pages';

/** The meeting sites' tabs; the host permissions let the popup read their URLs without the `tabs` permission. */
const MEETING_TAB_PATTERNS = [
  'https://meet.google.com/*',
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];
// The editor, the settings and the import view load when first opened, not before the plan list: the popup's first
// screen is what it opens for (npm run bench, "popup with 5000 plans").
const PlanEditor = lazy(() => import('./PlanEditor').then((module) => ({ default: module.PlanEditor })));
const Settings = lazy(() => import('./Settings').then((module) => ({ default: module.Settings })));
const ImportPlans = lazy(() => import('./ImportPlans').then((module) => ({ default: module.ImportPlans })));
/** Fetched once the list is on screen, so opening a plan doesn't wait for them. */
function preloadViews(): void {
  void import('./PlanEditor');
  void import('./Settings');
  void import('./ImportPlans');
}

type View =
  { name: 'list' } | { name: 'edit'; plan: Plan; stored: boolean } | { name: 'import' } | { name: 'settings' };
type Plans = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; plans: Plan[] };

/** Plans drawn at a time: the popup stays quick with thousands of plans. */
const LIST_PAGE = 30;
/** Opened as `popup.html?view=tab#plan=<id>`, the same editor at full width. */
const IN_TAB = new URLSearchParams(location.search).get('view') === 'tab';

const newContext = () => ({ id: crypto.randomUUID(), now: Date.now(), newId: () => crypto.randomUUID() });

export function PopupApp() {
  const [view, setView] = useState<View>({ name: 'list' });
  const [plans, setPlans] = useState<Plans>({ status: 'loading' });
  const [status, setStatus] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Plan | null>(null);
  const [shared, setShared] = useState<{ title: string; code: string } | null>(null);
  const [search, setSearch] = useState('');
  const [toDebrief, setToDebrief] = useState<Call | null>(null);
  /** The current tab, when it is in a meeting: its side panel is one click away. */
  const [meetingTabId, setMeetingTabId] = useState<number | null>(null);
  /** The current tab, when it is some other web page (Webex, a dialer, a CRM): Ridealong can run there on request. */
  const [otherTab, setOtherTab] = useState<{ id: number; url: string } | null>(null);
  const [shownLater, setShownLater] = useState(LIST_PAGE);
  const [shownPast, setShownPast] = useState(LIST_PAGE);
  const [pastOpen, setPastOpen] = useState(false);

  const reload = async () => {
    try {
      // The first screen needs only the next plans; everything (for search and past plans) follows a moment later,
      // so the popup opens quickly even with thousands of plans.
      const soon = await listPlansStartingFrom(Date.now() - MAX_CALL_MINUTES * 60_000, LIST_PAGE + 1);
      // An empty first page proves nothing (all plans may be in the past): wait for the full list then.
      if (soon.length > 0)
        setPlans((current) => (current.status === 'ready' ? current : { status: 'ready', plans: soon }));
      setPlans({ status: 'ready', plans: await listPlansBySchedule() });
    } catch (error) {
      setPlans({ status: 'failed', error });
    }
  };

  useEffect(() => {
    void reload().then(() => setTimeout(preloadViews, 0));
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        const url = tab?.url ?? '';
        if (tab?.id === undefined) return;
        if (meetingFromUrl(url) || isZoomWebAppHome(url) || isTeamsCallScreen(url)) setMeetingTabId(tab.id);
        // Any other web page: the toolbar click granted access to it, so Ridealong can be put there.
        else if (/^https?:/.test(url)) setOtherTab({ id: tab.id, url });
      })
      .catch(() => undefined);
    // The last call that ended in the past day, on this device: the moment to debrief it. A call whose meeting is in
    // no open tab any more ended when it was last seen, and is stored as ended then.
    void (async () => {
      const [calls, tabs] = await Promise.all([
        listCallsNewestFirst(5),
        browser.tabs.query({ url: MEETING_TAB_PATTERNS }).catch(() => null),
      ]);
      const now = Date.now();
      const openTabUrls = tabs && tabs.flatMap((tab) => (tab.url ? [tab.url] : []));
      const offer = callToDebrief(calls, openTabUrls, now);
      if (!offer) return;
      const { call, endedAt } = offer;
      setToDebrief(call.endedAt === null ? ((await updateCall(call.id, (c) => endCall(c, endedAt))) ?? call) : call);
    })();
    const id = planIdFromHash(location.hash);
    if (id) {
      void getPlan(id).then((plan) =>
        plan ? setView({ name: 'edit', plan, stored: true }) : setStatus('That plan no longer exists.'),
      );
    }
  }, []);

  const closeEditor = async () => {
    setView({ name: 'list' });
    await reload();
  };

  const remove = async (plan: Plan) => {
    await deletePlan(plan.id);
    setDeleted(plan);
    setStatus(null);
    await closeEditor();
  };

  const undoDelete = async () => {
    if (!deleted) return;
    await savePlan(deleted);
    setStatus(`Restored “${planDisplayName(deleted)}”.`);
    setDeleted(null);
    await reload();
  };

  const addSample = async () => {
    const plan = await savePlan(samplePlan(newContext()));
    setStatus(`Added the sample plan “${planDisplayName(plan)}”.`);
    await reload();
  };

  const share = async (plan: Plan) => {
    const code = await encodeShareCode([plan]);
    const name = planDisplayName(plan);
    setShared({ title: name, code });
    // Bookkeeping for "already up to date" on the next import; the code is shown whether or not it is recorded.
    void markPlansShared([plan]).catch(() => undefined);
    try {
      await navigator.clipboard.writeText(code);
      setStatus(`Share code for “${name}” copied. Paste it to the other person; they choose Import plan.`);
    } catch {
      setStatus(`Copy the share code for “${name}” below.`);
    }
  };

  const exportAll = async (all: Plan[]) => {
    downloadFile(planFileName(Date.now()), 'application/json', planFileText(all, Date.now()));
    void markPlansShared(all).catch(() => undefined);
    setStatus(`Exported ${all.length} plan${all.length === 1 ? '' : 's'} to a file.`);
  };

  const shell = (content: preact.ComponentChildren) => (
    <main class={IN_TAB ? 'popup in-tab' : 'popup'}>
      <Suspense fallback={<p class="muted">Opening…</p>}>{content}</Suspense>
    </main>
  );

  if (view.name === 'settings') {
    return shell(<Settings onDone={() => setView({ name: 'list' })} />);
  }

  if (view.name === 'import') {
    return shell(<ImportPlans onDone={() => void closeEditor()} onImported={reload} />);
  }

  if (view.name === 'edit') {
    return shell(
      <PlanEditor
        key={view.plan.id}
        initial={view.plan}
        stored={view.stored}
        inTab={IN_TAB}
        onDone={() => void closeEditor()}
        onDelete={(plan) => void remove(plan)}
      />,
    );
  }

  const all = plans.status === 'ready' ? plans.plans : [];
  const { next, later, past, matching } = groupPlans(all, search, Date.now());

  return shell(
    <>
      <header class="popup-header">
        <h1>Ridealong</h1>
        <button onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(debriefPage()) })}>
          Call history
        </button>
      </header>
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
      <DataLossNotice
        onRestore={() => void browser.tabs.create({ url: browser.runtime.getURL(debriefPage({ name: 'backup' })) })}
      />
      {meetingTabId !== null && (
        <div class="panel-offer">
          <button
            class="primary"
            onClick={() =>
              // No await before this: the click is the gesture that lets the side panel open.
              void openCallPanel(meetingTabId).then(
                () => window.close(),
                () =>
                  setStatus(
                    'The side panel opens once Ridealong shows on this meeting tab. Reload the tab, then try again.',
                  ),
              )
            }
          >
            Open the call in the side panel
          </button>
        </div>
      )}
      {otherTab && (
        <div class="panel-offer">
          <button
            onClick={() =>
              void runOnTab(otherTab.id, otherTab.url).then(
                () => window.close(),
                () =>
                  setStatus(
                    'Ridealong can’t run on this page: the browser keeps extensions off its own pages and the web store.',
                  ),
              )
            }
          >
            Run Ridealong on this tab
          </button>
        </div>
      )}
      {toDebrief && (
        <div class="debrief-offer">
          <span>
            Call ended: <strong>{planDisplayName(toDebrief.planSnapshot)}</strong>
          </span>
          <button
            class="primary"
            onClick={() =>
              void browser.tabs.create({
                url: browser.runtime.getURL(debriefPage({ name: 'call', callId: toDebrief.id })),
              })
            }
          >
            Debrief this call
          </button>
        </div>
      )}
      {deleted && (
        <p class="status" role="status">
          Deleted “{planDisplayName(deleted)}”. <button onClick={() => void undoDelete()}>Undo</button>
        </p>
      )}
      <div class="new-plan" role="group" aria-label="New plan from a template">
        <span class="new-plan-label">New plan:</span>
        {CALL_TYPES.map((type) => (
          <button
            key={type}
            class="primary"
            aria-label={`New ${CALL_TYPE_NAMES[type].toLowerCase()} plan`}
            onClick={() => setView({ name: 'edit', plan: planFromTemplate(type, newContext()), stored: false })}
          >
            {CALL_TYPE_NAMES[type]}
          </button>
        ))}
      </div>
      <div class="list-actions">
        <button onClick={() => setView({ name: 'import' })}>Import plan</button>
        {all.length > 0 && <button onClick={() => void exportAll(all)}>Export all to a file</button>}
        <button onClick={() => setView({ name: 'settings' })}>Settings</button>
      </div>
      {shared && (
        <label class="share-code">
          Share code for “{shared.title}”
          <textarea readOnly rows={3} value={shared.code} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      {plans.status === 'loading' && <p class="muted">Loading plans…</p>}
      {plans.status === 'failed' && (
        <StorageProblem
          error={plans.error}
          onRetry={() => void reload()}
          onRestore={() => void browser.tabs.create({ url: browser.runtime.getURL(debriefPage({ name: 'backup' })) })}
        />
      )}
      {plans.status === 'ready' && all.length === 0 && (
        <div class="empty">
          <p>No plans yet. Plan a joint call before you join it: the objective, the agenda, who leads each part.</p>
          <button onClick={() => void addSample()}>Add a sample plan</button>
        </div>
      )}
      {all.length > 0 && (
        <label class="search">
          Search by account
          <input type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
        </label>
      )}
      {all.length > 0 && matching === 0 && <p class="muted">No plan matches “{search}”.</p>}
      {next && <NextPlan plan={next} onEdit={setView} onShare={share} />}
      {later.length > 0 && (
        <ul class="plan-list" aria-label="Plans">
          {later.slice(0, shownLater).map((plan) => (
            <PlanRow key={plan.id} plan={plan} onEdit={setView} onShare={share} />
          ))}
        </ul>
      )}
      {later.length > shownLater && (
        <button onClick={() => setShownLater(shownLater + LIST_PAGE)}>
          Show more plans ({later.length - shownLater} more)
        </button>
      )}
      {past.length > 0 && (
        <details class="past" onToggle={(event) => setPastOpen(event.currentTarget.open)}>
          <summary>Past plans ({past.length})</summary>
          {/* Drawn only when opened: thousands of past plans shouldn't slow the popup's first render. */}
          {pastOpen && (
            <ul class="plan-list" aria-label="Past plans">
              {past.slice(0, shownPast).map((plan) => (
                <PlanRow key={plan.id} plan={plan} onEdit={setView} onShare={share} />
              ))}
            </ul>
          )}
          {pastOpen && past.length > shownPast && (
            <button onClick={() => setShownPast(shownPast + LIST_PAGE)}>
              Show more past plans ({past.length - shownPast} more)
            </button>
          )}
        </details>
      )}
    </>,
  );
}

interface RowProps {
  plan: Plan;
  onEdit: (view: View) => void;
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
      <button aria-label={`Edit ${name}`} onClick={() => onEdit({ name: 'edit', plan, stored: true })}>
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

function PlanRow(props: RowProps) {
  return (
    <li>
      <div>
        <div class="plan-title">{planDisplayName(props.plan)}</div>
        <PlanSummary plan={props.plan} />
      </div>
      <RowActions {...props} />
    </li>
  );
}

/** The next call, shown first and bigger, with what is still missing before it. */
function NextPlan(props: RowProps) {
  const gaps = readiness(props.plan);
  return (
    <section class="next-plan" aria-label="Next call">
      <h2>Next call</h2>
      <div class="plan-title">{planDisplayName(props.plan)}</div>
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
