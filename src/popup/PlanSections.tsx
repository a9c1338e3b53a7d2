// The popup's plans: a search by account, the next call first, then the later plans and the past ones, a page at a
// time so the popup stays quick with thousands of plans.
import { useState } from 'preact/hooks';
import type { Plan } from '../domain/plan';
import { groupPlans } from '../domain/plan-list';
import { NextPlan, PlanRow, type RowProps } from './PlanRows';

/** Plans drawn at a time: the popup stays quick with thousands of plans. */
export const LIST_PAGE = 30;

/** The search and how far the lists are shown; held by the popup, so they are kept while a plan is edited. */
export function usePlanListState() {
  const [search, setSearch] = useState('');
  const [shownLater, setShownLater] = useState(LIST_PAGE);
  const [shownPast, setShownPast] = useState(LIST_PAGE);
  const [pastOpen, setPastOpen] = useState(false);
  return { search, setSearch, shownLater, setShownLater, shownPast, setShownPast, pastOpen, setPastOpen };
}

export type PlanListState = ReturnType<typeof usePlanListState>;

export function PlanSections(props: { all: Plan[]; list: PlanListState } & Omit<RowProps, 'plan'>) {
  const { all, list, onEdit, onShare } = props;
  const { search, shownLater, shownPast, pastOpen } = list;
  const { next, later, past, matching } = groupPlans(all, search, Date.now());
  if (all.length === 0) return null;
  return (
    <>
      <label class="search">
        Search by account
        <input type="search" value={search} onInput={(event) => list.setSearch(event.currentTarget.value)} />
      </label>
      {matching === 0 && <p class="muted">No plan matches “{search}”.</p>}
      {next && <NextPlan plan={next} onEdit={onEdit} onShare={onShare} />}
      {later.length > 0 && (
        <ul class="plan-list" aria-label="Plans">
          {later.slice(0, shownLater).map((plan) => (
            <PlanRow key={plan.id} plan={plan} onEdit={onEdit} onShare={onShare} />
          ))}
        </ul>
      )}
      {later.length > shownLater && (
        <button onClick={() => list.setShownLater(shownLater + LIST_PAGE)}>
          Show more plans ({later.length - shownLater} more)
        </button>
      )}
      {past.length > 0 && (
        <details class="past" onToggle={(event) => list.setPastOpen(event.currentTarget.open)}>
          <summary>Past plans ({past.length})</summary>
          {/* Drawn only when opened: thousands of past plans shouldn't slow the popup's first render. */}
          {pastOpen && (
            <ul class="plan-list" aria-label="Past plans">
              {past.slice(0, shownPast).map((plan) => (
                <PlanRow key={plan.id} plan={plan} onEdit={onEdit} onShare={onShare} />
              ))}
            </ul>
          )}
          {pastOpen && past.length > shownPast && (
            <button onClick={() => list.setShownPast(shownPast + LIST_PAGE)}>
              Show more past plans ({past.length - shownPast} more)
            </button>
          )}
        </details>
      )}
    </>
  );
}
