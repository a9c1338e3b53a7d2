import { MAX_COACHING_ITEMS, type PreviousCommitment } from '../domain/debrief';
import { formatDateTime } from '../ui/format';
import { ListEditor } from '../ui/ListEditor';
import { DebriefText, RatingGroup } from './fields';
import type { DebriefSectionProps } from './useDebriefAutosave';

/**
 * 4. The coaching: whether the rep kept the commitment from the previous debriefed call, what went well, what to do
 * differently, and one commitment for the next call.
 */
export function Coaching({
  value,
  update,
  lastCommitment,
  repName,
}: DebriefSectionProps & {
  /** The commitment from the rep's previous debriefed call, to follow up here; null when there is none. */
  lastCommitment: PreviousCommitment | null;
  repName: string;
}) {
  const setList = (list: 'wentWell' | 'doDifferently', items: string[]) =>
    update((d) => ({ ...d, coaching: { ...d.coaching, [list]: items } }));
  return (
    <section aria-labelledby="coaching">
      <h2 id="coaching">4. Coaching</h2>
      {lastCommitment && (
        <div class="follow-up">
          <p>
            Last time ({lastCommitment.callName}, {formatDateTime(lastCommitment.startedAt)}),{' '}
            {repName.trim() || 'the rep'} committed to: “{lastCommitment.text}”
          </p>
          <RatingGroup
            legend="Was that commitment kept on this call?"
            name="follow-up"
            value={value.followUp ?? null}
            onChange={(followUp) => update((d) => ({ ...d, followUp }))}
          />
        </div>
      )}
      <CoachingList
        label="Went well"
        items={value.coaching.wentWell}
        onChange={(items) => setList('wentWell', items)}
      />
      <CoachingList
        label="Do differently"
        items={value.coaching.doDifferently}
        onChange={(items) => setList('doDifferently', items)}
      />
      <DebriefText
        {...{ value, update }}
        label="One commitment for the rep’s next call"
        part="coaching"
        field="nextCallCommitment"
        maxLength={300}
      />
    </section>
  );
}

/** One of the coaching lists: a few short points, each its own line, at most MAX_COACHING_ITEMS. */
function CoachingList(props: { label: string; items: string[]; onChange: (items: string[]) => void }) {
  return (
    <ListEditor
      class="coaching-list"
      legend={`${props.label} (at most ${MAX_COACHING_ITEMS}: focus beats volume)`}
      items={props.items.map((text, index) => ({ id: String(index), text }))}
      onChange={(items) => props.onChange(items.map((item) => item.text))}
      create={() => ({ id: String(props.items.length), text: '' })}
      render={(item, index, change) => (
        <input
          aria-label={`${props.label} ${index + 1}`}
          maxLength={300}
          value={item.text}
          onInput={(e) => change({ ...item, text: e.currentTarget.value })}
        />
      )}
      itemName={(_, index) => `${props.label.toLowerCase()} ${index + 1}`}
      addLabel={`Add to “${props.label}”`}
      max={MAX_COACHING_ITEMS}
    />
  );
}
