import { useState } from 'preact/hooks';
import { customerAgendaText } from '../domain/customer-agenda';
import { formatDateTime } from '../ui/format';
import type { PlanSectionProps } from './plan-section';

const clock = {
  formatDate: (at: number) => formatDateTime(at),
  formatTime: (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
};

/** What rep and manager agreed, when, and the agenda as the customer may see it. */
export function PlanAgreed({ value, update }: PlanSectionProps) {
  const [agendaCopy, setAgendaCopy] = useState<string | null>(null);
  return (
    <fieldset>
      <legend>Agreed</legend>
      <AgreementCheck
        label="Reviewed together, rep and manager"
        at={value.reviewedTogetherAt}
        onChange={(reviewedTogetherAt) => update({ reviewedTogetherAt })}
      />
      <AgreementCheck
        label="Agenda sent to the customer"
        at={value.agendaSentAt}
        onChange={(agendaSentAt) => update({ agendaSentAt })}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={value.team === true}
          onChange={(event) => update({ team: event.currentTarget.checked })}
        />
        Share with my team
        <span class="muted"> (team sync sends this plan, its calls, notes and debriefs, encrypted)</span>
      </label>
      <button
        type="button"
        onClick={() => {
          const text = customerAgendaText(value, clock);
          setAgendaCopy(text);
          void navigator.clipboard.writeText(text).catch(() => undefined);
        }}
      >
        Copy the agenda for the customer
      </button>
      {agendaCopy !== null && (
        <label>
          Agenda for the customer (copied; no internal notes)
          <textarea readOnly rows={8} value={agendaCopy} />
        </label>
      )}
    </fieldset>
  );
}

function AgreementCheck(props: { label: string; at: number | null; onChange: (at: number | null) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.at !== null}
        onChange={(event) => props.onChange(event.currentTarget.checked ? Date.now() : null)}
      />
      {props.label}
      {props.at !== null && <span class="muted"> ({formatDateTime(props.at)})</span>}
    </label>
  );
}
