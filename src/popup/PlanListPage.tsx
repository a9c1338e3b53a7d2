// The popup's first screen: what it offers for this tab and the call that just ended, new plans from a template,
// import and export, and the plans themselves.
import type { Call } from '../domain/call';
import { CALL_TYPES, planDisplayName, type CallType, type Plan } from '../domain/plan';
import { browser } from '../platform/browser';
import { CALL_TYPE_NAMES } from '../ui/labels';
import { debriefPage } from '../ui/pages';
import { DataLossNotice, StorageProblem } from '../ui/storage-problem';
import type { Loadable } from '../ui/useLoad';
import { DebriefOffer } from './DebriefOffer';
import { PlanSections, type PlanListState } from './PlanSections';
import { TabOffers, type CurrentTab } from './TabOffers';
import type { usePlanSharing } from './usePlanSharing';

function openPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
}

export function PlanListPage(props: {
  plans: Loadable<Plan[]>;
  list: PlanListState;
  status: string | null;
  onStatus: (status: string) => void;
  tab: CurrentTab;
  toDebrief: Call | null;
  deleted: Plan | null;
  sharing: ReturnType<typeof usePlanSharing>;
  onUndoDelete: () => void;
  onNewPlan: (type: CallType) => void;
  onEdit: (plan: Plan) => void;
  onImport: () => void;
  onSettings: () => void;
  onAddSample: () => void;
  onRetry: () => void;
}) {
  const { plans, status, deleted, sharing } = props;
  const all = plans.status === 'ready' ? plans.value : [];
  const openBackup = () => openPage(debriefPage({ name: 'backup' }));
  return (
    <>
      <header class="popup-header">
        <h1>Ridealong</h1>
        <button onClick={() => openPage(debriefPage())}>Call history</button>
      </header>
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
      <DataLossNotice onRestore={openBackup} />
      <TabOffers tab={props.tab} onProblem={props.onStatus} />
      <DebriefOffer call={props.toDebrief} />
      {deleted && (
        <p class="status" role="status">
          Deleted “{planDisplayName(deleted)}”. <button onClick={props.onUndoDelete}>Undo</button>
        </p>
      )}
      <div class="new-plan" role="group" aria-label="New plan from a template">
        <span class="new-plan-label">New plan:</span>
        {CALL_TYPES.map((type) => (
          <button
            key={type}
            class="primary"
            aria-label={`New ${CALL_TYPE_NAMES[type].toLowerCase()} plan`}
            onClick={() => props.onNewPlan(type)}
          >
            {CALL_TYPE_NAMES[type]}
          </button>
        ))}
      </div>
      <div class="list-actions">
        <button onClick={props.onImport}>Import plan</button>
        {all.length > 0 && <button onClick={() => void sharing.exportAll(all)}>Export all to a file</button>}
        <button onClick={props.onSettings}>Settings</button>
      </div>
      {sharing.shared && (
        <label class="share-code">
          Share code for “{sharing.shared.title}”
          <textarea readOnly rows={3} value={sharing.shared.code} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      {plans.status === 'loading' && <p class="muted">Loading plans…</p>}
      {plans.status === 'failed' && (
        <StorageProblem error={plans.error} onRetry={props.onRetry} onRestore={openBackup} />
      )}
      {plans.status === 'ready' && all.length === 0 && (
        <div class="empty">
          <p>No plans yet. Plan a joint call before you join it: the objective, the agenda, who leads each part.</p>
          <button onClick={props.onAddSample}>Add a sample plan</button>
        </div>
      )}
      <PlanSections all={all} list={props.list} onEdit={props.onEdit} onShare={sharing.share} />
    </>
  );
}
