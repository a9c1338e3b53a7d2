import {
  AGENDA_LEADS,
  MAX_AGENDA_ITEMS,
  MAX_ITEM_MINUTES,
  MIN_ITEM_MINUTES,
  changeAgenda,
  plannedMinutes,
  type AgendaChange,
  type AgendaItem,
} from '../domain/plan';
import { formatMinutes } from '../ui/format';
import { newId, type PlanSectionProps } from './plan-section';
import type { FieldProblems } from './useFieldProblems';

const LEAD_LABELS = { rep: 'Rep', manager: 'Manager', customer: 'Customer' } as const;

/** Edits the agenda through the domain's rules; a refused change shows why under `problemKey`. */
type EditAgenda = (change: AgendaChange, problemKey: string) => boolean;

/** The agenda: each item's time box, who leads it and the manager's cue, against the minutes planned. */
export function PlanAgenda({ value, update, fields }: PlanSectionProps & { fields: FieldProblems }) {
  const { problemText } = fields;
  const total = plannedMinutes(value);

  const editAgenda: EditAgenda = (change, problemKey) => {
    const result = changeAgenda(value, change);
    fields.setProblem(problemKey, result.ok ? null : result.message);
    if (result.ok) update(() => result.plan);
    return result.ok;
  };

  return (
    <fieldset>
      <legend>Agenda</legend>
      <p class={total > value.durationMinutes ? 'total over' : 'total'} role="status">
        Time boxes: {formatMinutes(total)} of {formatMinutes(value.durationMinutes)}
        {total > value.durationMinutes && ` ⚠ ${formatMinutes(total - value.durationMinutes)} over`}
      </p>
      <ol class="agenda-editor">
        {value.agenda.map((item, index) => (
          <AgendaItemEditor
            key={item.id}
            item={item}
            index={index}
            count={value.agenda.length}
            editAgenda={editAgenda}
            fields={fields}
          />
        ))}
      </ol>
      <button
        type="button"
        aria-disabled={value.agenda.length >= MAX_AGENDA_ITEMS}
        aria-describedby={value.agenda.length >= MAX_AGENDA_ITEMS ? 'agenda-full' : undefined}
        onClick={() => {
          // Full: the reason is already shown beside the button, so a press changes nothing.
          if (value.agenda.length >= MAX_AGENDA_ITEMS) return;
          editAgenda(
            { kind: 'add', item: { id: newId(), title: '', minutes: 5, lead: 'rep', managerCue: '' } },
            'agenda.add',
          );
        }}
      >
        Add item
      </button>
      {value.agenda.length >= MAX_AGENDA_ITEMS ? (
        <span class="field-problem" id="agenda-full">
          That’s {MAX_AGENDA_ITEMS} items, the most an agenda holds. Merge or remove one to add another.
        </span>
      ) : (
        problemText('agenda.add')
      )}
    </fieldset>
  );
}

function AgendaItemEditor(props: {
  item: AgendaItem;
  index: number;
  /** How many items the agenda holds. */
  count: number;
  editAgenda: EditAgenda;
  fields: FieldProblems;
}) {
  const { item, index, count, editAgenda } = props;
  const { numberInput, problemText } = props.fields;
  const key = `agenda.${item.id}`;
  const n = index + 1;

  const moveItem = (to: number, direction: 'up' | 'down') => {
    if (!editAgenda({ kind: 'move', index, to }, key)) return;
    // Focus follows the item, so a keyboard user can keep moving it.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-move="${direction}"][data-item="${item.id}"]`)?.focus(),
    );
  };

  return (
    <li class="agenda-item">
      <div class="agenda-line">
        <input
          aria-label={`Item ${n} title`}
          value={item.title}
          maxLength={200}
          onInput={(event) => editAgenda({ kind: 'update', index, changes: { title: event.currentTarget.value } }, key)}
        />
        <input
          aria-label={`Item ${n} minutes`}
          class="minutes"
          {...numberInput(`minutes.${item.id}`, item.minutes, MIN_ITEM_MINUTES, MAX_ITEM_MINUTES, (value) =>
            editAgenda({ kind: 'update', index, changes: { minutes: value } }, key),
          )}
        />
        <select
          aria-label={`Item ${n} lead`}
          value={item.lead}
          onChange={(event) => {
            const lead = event.currentTarget.value as AgendaItem['lead'];
            // A refused choice snaps back to the rep, and the message says why.
            if (!editAgenda({ kind: 'update', index, changes: { lead } }, key)) event.currentTarget.value = item.lead;
          }}
        >
          {AGENDA_LEADS.map((lead) => (
            <option key={lead} value={lead}>
              {LEAD_LABELS[lead]} leads
            </option>
          ))}
        </select>
      </div>
      <input
        aria-label={`Item ${n} cue for the manager`}
        placeholder="Manager’s cue, e.g. stay quiet, observe"
        value={item.managerCue}
        maxLength={300}
        onInput={(event) =>
          editAgenda({ kind: 'update', index, changes: { managerCue: event.currentTarget.value } }, key)
        }
      />
      <div class="item-actions">
        <button
          type="button"
          data-move="up"
          data-item={item.id}
          aria-label={`Move item ${n} up`}
          aria-disabled={index === 0}
          onClick={() => index > 0 && moveItem(index - 1, 'up')}
        >
          ↑ Up
        </button>
        <button
          type="button"
          data-move="down"
          data-item={item.id}
          aria-label={`Move item ${n} down`}
          aria-disabled={index === count - 1}
          onClick={() => index < count - 1 && moveItem(index + 1, 'down')}
        >
          ↓ Down
        </button>
        <button
          type="button"
          aria-label={`Remove item ${n}`}
          onClick={() => editAgenda({ kind: 'remove', index }, key)}
        >
          Remove
        </button>
      </div>
      {problemText(key)}
      {problemText(`minutes.${item.id}`)}
    </li>
  );
}
