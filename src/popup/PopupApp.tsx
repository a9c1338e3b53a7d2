// The toolbar popup: the plan list first, and the editor, the settings and the import view in its place when opened.
// Opened as `popup.html?view=tab#plan=<id>`, it is the same editor at full width.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { MAX_CALL_MINUTES, planDisplayName, type Plan } from '../domain/plan';
import { planFromTemplate, samplePlan } from '../domain/templates';
import { deletePlan, getPlan, listPlansBySchedule, listPlansStartingFrom, savePlan } from '../storage/plans';
import { planIdFromHash } from '../ui/pages';
import { useLoad } from '../ui/useLoad';
import { requestFromServiceWorker } from '../platform/request';
import { useCallToDebrief } from './DebriefOffer';
import { PlanListPage } from './PlanListPage';
import { LIST_PAGE, usePlanListState } from './PlanSections';
import { useCurrentTab } from './TabOffers';
import { usePlanSharing } from './usePlanSharing';

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

/** Opened as `popup.html?view=tab#plan=<id>`, the same editor at full width. */
const IN_TAB = new URLSearchParams(location.search).get('view') === 'tab';

const newContext = () => ({ id: crypto.randomUUID(), now: Date.now(), newId: () => crypto.randomUUID() });

/**
 * Every plan, soonest first. The first screen needs only the next plans; everything (for search and past plans)
 * follows a moment later, so the popup opens quickly even with thousands of plans.
 */
async function loadPlans(early: (plans: Plan[]) => void): Promise<Plan[]> {
  try {
    const soon = await listPlansStartingFrom(Date.now() - MAX_CALL_MINUTES * 60_000, LIST_PAGE + 1);
    // An empty first page proves nothing (all plans may be in the past): wait for the full list then.
    if (soon.length > 0) early(soon);
    return await listPlansBySchedule();
  } finally {
    setTimeout(preloadViews, 0);
  }
}

export function PopupApp() {
  const [view, setView] = useState<View>({ name: 'list' });
  const plans = useLoad(loadPlans, []);
  useTeamSyncOnOpen(plans.refresh);
  const [status, setStatus] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Plan | null>(null);
  const sharing = usePlanSharing(setStatus);
  const list = usePlanListState();
  const tab = useCurrentTab();
  const toDebrief = useCallToDebrief();

  useEffect(() => {
    const id = planIdFromHash(location.hash);
    if (id) {
      void getPlan(id).then((plan) =>
        plan ? setView({ name: 'edit', plan, stored: true }) : setStatus('That plan no longer exists.'),
      );
    }
  }, []);

  const closeEditor = async () => {
    setView({ name: 'list' });
    await plans.refresh();
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
    await plans.refresh();
  };

  const addSample = async () => {
    const plan = await savePlan(samplePlan(newContext()));
    setStatus(`Added the sample plan “${planDisplayName(plan)}”.`);
    await plans.refresh();
  };

  const shell = (content: preact.ComponentChildren) => (
    <main class={IN_TAB ? 'popup in-tab' : 'popup'}>
      <Suspense fallback={<p class="muted">Opening…</p>}>{content}</Suspense>
    </main>
  );

  if (view.name === 'settings') {
    return shell(
      <Settings
        onDone={() => {
          setView({ name: 'list' });
          // Team sync may have brought the team's plans while the settings were open.
          void plans.refresh();
        }}
      />,
    );
  }

  if (view.name === 'import') {
    return shell(<ImportPlans onDone={() => void closeEditor()} onImported={plans.refresh} />);
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

  return shell(
    <PlanListPage
      plans={plans.loaded}
      list={list}
      status={status}
      onStatus={setStatus}
      tab={tab}
      toDebrief={toDebrief}
      deleted={deleted}
      sharing={sharing}
      onUndoDelete={() => void undoDelete()}
      onNewPlan={(type) => setView({ name: 'edit', plan: planFromTemplate(type, newContext()), stored: false })}
      onEdit={(plan) => setView({ name: 'edit', plan, stored: true })}
      onImport={() => setView({ name: 'import' })}
      onSettings={() => setView({ name: 'settings' })}
      onAddSample={() => void addSample()}
      onRetry={() => void plans.refresh()}
    />,
  );
}

/**
 * Opening the popup is a moment to catch up with the team: a sync round, then the list again if sync is on (the
 * team's plans may have arrived). With sync off, the worker answers null at once and nothing else happens.
 */
function useTeamSyncOnOpen(refresh: () => Promise<unknown>) {
  useEffect(() => {
    void requestFromServiceWorker({ type: 'sync/now' }).then(
      (round) => (round ? refresh() : undefined),
      () => undefined,
    );
  }, []);
}
