import { useEffect, useState } from 'preact/hooks';
import { meetingFromUrl } from '../domain/meeting-url';
import { plannedMinutes, planFromDraft, samplePlanDraft, type Plan, type PlanDraft } from '../domain/plan';
import { browser } from '../platform/browser';
import { listPlansBySchedule, savePlan } from '../storage/plans';
import { formatDateTime, formatMinutes, PLATFORM_NAMES } from '../ui/format';
import { encodeShareCode } from '../domain/share-code';
import { ImportPlans } from './ImportPlans';
import { PlanForm } from './PlanForm';

type View = { name: 'list' } | { name: 'edit'; plan?: Plan } | { name: 'import' };
type Plans = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; plans: Plan[] };

export function PopupApp() {
  const [view, setView] = useState<View>({ name: 'list' });
  const [plans, setPlans] = useState<Plans>({ status: 'loading' });
  const [status, setStatus] = useState<string | null>(null);
  const [shared, setShared] = useState<{ title: string; code: string } | null>(null);

  const reload = async () => {
    try {
      setPlans({ status: 'ready', plans: await listPlansBySchedule() });
    } catch (error) {
      setPlans({ status: 'failed', message: `Ridealong could not read its plans: ${String(error)}` });
    }
  };

  useEffect(() => {
    void reload();
  }, []);

  const saved = async (plan: Plan) => {
    setStatus(`Saved “${plan.title}”.`);
    setView({ name: 'list' });
    await reload();
  };

  const addSample = async () => {
    const result = planFromDraft(samplePlanDraft(Date.now()), {
      id: crypto.randomUUID(),
      now: Date.now(),
      newItemId: () => crypto.randomUUID(),
    });
    if (result.ok) await saved(await savePlan(result.plan));
  };

  const share = async (plan: Plan) => {
    const code = await encodeShareCode([plan]);
    setShared({ title: plan.title, code });
    try {
      await navigator.clipboard.writeText(code);
      setStatus(`Share code for “${plan.title}” copied. Paste it to the other person; they choose Import plan.`);
    } catch {
      setStatus(`Copy the share code for “${plan.title}” below.`);
    }
  };

  if (view.name === 'import') {
    return (
      <main class="popup">
        <ImportPlans onDone={() => setView({ name: 'list' })} onImported={reload} />
      </main>
    );
  }

  if (view.name === 'edit') {
    return (
      <main class="popup">
        <PlanForm
          plan={view.plan}
          onSave={async (draft: PlanDraft, previous?: Plan) => {
            const result = planFromDraft(draft, {
              id: crypto.randomUUID(),
              now: Date.now(),
              newItemId: () => crypto.randomUUID(),
              previous,
            });
            if (!result.ok) return result.problems;
            await saved(await savePlan(result.plan));
            return [];
          }}
          onCancel={() => setView({ name: 'list' })}
        />
      </main>
    );
  }

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Ridealong</h1>
        <button onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('src/debrief/debrief.html') })}>
          Call history
        </button>
      </header>
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
      <div class="list-actions">
        <button class="primary" onClick={() => setView({ name: 'edit' })}>
          New plan
        </button>
        <button onClick={() => setView({ name: 'import' })}>Import plan</button>
      </div>
      {shared && (
        <label class="share-code">
          Share code for “{shared.title}”
          <textarea readOnly rows={3} value={shared.code} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      {plans.status === 'loading' && <p class="muted">Loading plans…</p>}
      {plans.status === 'failed' && (
        <p class="error" role="alert">
          {plans.message}
        </p>
      )}
      {plans.status === 'ready' && plans.plans.length === 0 && (
        <div class="empty">
          <p>
            No plans yet. Plan a joint call before you join it: the agenda, who leads each part, and the time boxes.
          </p>
          <button onClick={() => void addSample()}>Add a sample plan</button>
        </div>
      )}
      {plans.status === 'ready' && plans.plans.length > 0 && (
        <ul class="plan-list" aria-label="Plans">
          {plans.plans.map((plan) => {
            const meeting = plan.meetingLink ? meetingFromUrl(plan.meetingLink) : null;
            return (
              <li key={plan.id}>
                <div>
                  <div class="plan-title">{plan.title}</div>
                  <div class="muted">
                    {formatDateTime(plan.scheduledStart)} · {plan.agenda.length} items ·{' '}
                    {formatMinutes(plannedMinutes(plan))}
                    {meeting ? ` · ${PLATFORM_NAMES[meeting.platform]}` : ' · no meeting link'}
                  </div>
                </div>
                <div class="row-actions">
                  <button aria-label={`Edit ${plan.title}`} onClick={() => setView({ name: 'edit', plan })}>
                    Edit
                  </button>
                  <button aria-label={`Share ${plan.title}`} onClick={() => void share(plan)}>
                    Share
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
