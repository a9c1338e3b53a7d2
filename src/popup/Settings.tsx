import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_NOTE_TAGS, MAX_TAGS, TAG_KEYS, type NoteTag } from '../domain/note';
import { loadAutoStart, saveAutoStart } from '../platform/device-settings';
import { loadNoteTags, saveNoteTags } from '../platform/note-tags';
import { errorText } from '../domain/text';
import { TeamSyncSettings } from './TeamSyncSettings';

/** This device's settings: the quick note tags (keys 1–9), whether linked calls start by themselves, team sync. */
export function Settings({ onDone }: { onDone: () => void }) {
  const [tags, setTags] = useState<NoteTag[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  /** Tags left without a name when Save was pressed: each says so beside its own field. */
  const [unnamed, setUnnamed] = useState<Set<number>>(new Set());

  useEffect(() => {
    void loadNoteTags().then(setTags);
  }, []);

  const save = async (next: NoteTag[]) => {
    try {
      await saveNoteTags(next);
      setTags(next);
      setMessage({ text: 'Saved. The overlay uses the new tags from the next call it opens.', error: false });
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  };

  if (!tags) return <p class="muted">Loading settings…</p>;
  return (
    <>
      <form
        class="plan-form settings"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = tags.map((tag) => ({ ...tag, label: tag.label.trim() }));
          const empty = new Set(trimmed.flatMap((tag, index) => (tag.label === '' ? [index] : [])));
          setUnnamed(empty);
          if (empty.size > 0) {
            setMessage({ text: 'Give every tag a name, or remove it. Nothing was saved yet.', error: true });
            document.getElementById(`tag-${[...empty][0]}`)?.focus();
            return;
          }
          void save(trimmed);
        }}
      >
        <h1>Settings</h1>
        <fieldset class="agenda-rows">
          <legend>Quick note tags (keys 1–{TAG_KEYS} pick the first nine)</legend>
          {tags.map((tag, index) => (
            <TagRow
              key={index}
              tag={tag}
              index={index}
              last={tags.length === 1}
              unnamed={unnamed.has(index)}
              onChange={(changed) => {
                setTags(tags.map((t, i) => (i === index ? changed : t)));
                if (changed.label.trim() !== '' && unnamed.has(index))
                  setUnnamed(new Set([...unnamed].filter((i) => i !== index)));
              }}
              onRemove={() => {
                setTags(tags.filter((_, i) => i !== index));
                setUnnamed(new Set());
              }}
            />
          ))}
          <div class="form-actions">
            <button
              type="button"
              aria-disabled={tags.length >= MAX_TAGS}
              aria-describedby={tags.length >= MAX_TAGS ? 'tags-full' : undefined}
              onClick={() => {
                if (tags.length >= MAX_TAGS) return;
                setTags([...tags, { label: '', stepIn: false, guardrail: false }]);
              }}
            >
              Add tag
            </button>
            <button
              type="button"
              onClick={() => {
                setTags(DEFAULT_NOTE_TAGS);
                setUnnamed(new Set());
              }}
            >
              Back to the defaults
            </button>
          </div>
          {tags.length >= MAX_TAGS && (
            <p class="field-problem" id="tags-full">
              That’s {MAX_TAGS} tags, the most there can be. Remove one to add another.
            </p>
          )}
          {tags.length === 1 && (
            <p class="field-problem" id="tags-last">
              The last tag can’t be removed: notes need at least one. Rename it instead.
            </p>
          )}
        </fieldset>
        <AutoStart />
        {message && (
          <p class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div class="form-actions">
          <button type="button" onClick={onDone}>
            Done
          </button>
          <button type="submit" class="primary">
            Save tags
          </button>
        </div>
      </form>
      <TeamSyncSettings />
    </>
  );
}

/** One quick tag: its name, whether it records a step-in or a guardrail crossed, and its Remove button. */
function TagRow(props: {
  tag: NoteTag;
  index: number;
  /** The only tag left, which can't be removed. */
  last: boolean;
  /** Save was pressed while it had no name. */
  unnamed: boolean;
  onChange: (tag: NoteTag) => void;
  onRemove: () => void;
}) {
  const { tag, index, last, unnamed } = props;
  return (
    <div>
      <div class="tag-row">
        <label>
          <span class="visually-hidden">Tag {index + 1}</span>
          <span aria-hidden="true">{index + 1}</span>
          <input
            id={`tag-${index}`}
            aria-label={`Tag ${index + 1}`}
            value={tag.label}
            maxLength={40}
            aria-invalid={unnamed ? true : undefined}
            aria-describedby={unnamed ? `tag-problem-${index}` : undefined}
            onInput={(event) => props.onChange({ ...tag, label: event.currentTarget.value })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            aria-label={`Tag ${index + 1} records a step-in`}
            checked={tag.stepIn}
            onChange={(event) => props.onChange({ ...tag, stepIn: event.currentTarget.checked })}
          />
          step-in
        </label>
        <label class="check">
          <input
            type="checkbox"
            aria-label={`Tag ${index + 1} records a guardrail crossed`}
            checked={tag.guardrail}
            onChange={(event) => props.onChange({ ...tag, guardrail: event.currentTarget.checked })}
          />
          guardrail
        </label>
        <button
          type="button"
          aria-label={`Remove tag ${index + 1}`}
          aria-disabled={last}
          aria-describedby={last ? 'tags-last' : undefined}
          onClick={() => {
            if (!last) props.onRemove();
          }}
        >
          ✕
        </button>
      </div>
      {unnamed && (
        <span class="field-problem" id={`tag-problem-${index}`}>
          Tag {index + 1} has no name. Name it, or remove it.
        </span>
      )}
    </div>
  );
}

/** Whether a linked plan's call starts by itself when its meeting opens, on this device. Saved at once. */
function AutoStart() {
  const [autoStart, setAutoStart] = useState(false);
  useEffect(() => {
    void loadAutoStart().then(setAutoStart);
  }, []);
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={autoStart}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          setAutoStart(on);
          void saveAutoStart(on);
        }}
      />
      Start the call by itself when a linked plan’s meeting opens
    </label>
  );
}
