import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_NOTE_TAGS, MAX_TAGS, TAG_KEYS, type NoteTag } from '../domain/note';
import { loadAutoStart, saveAutoStart } from '../platform/device-settings';
import { loadNoteTags, saveNoteTags } from '../platform/note-tags';

/** This device's settings: the quick note tags (keys 1–9) and whether linked calls start by themselves. */
export function Settings({ onDone }: { onDone: () => void }) {
  const [tags, setTags] = useState<NoteTag[] | null>(null);
  const [autoStart, setAutoStart] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void loadNoteTags().then(setTags);
    void loadAutoStart().then(setAutoStart);
  }, []);

  const save = async (next: NoteTag[]) => {
    try {
      await saveNoteTags(next);
      setTags(next);
      setMessage({ text: 'Saved. The overlay uses the new tags from the next call it opens.', error: false });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };

  if (!tags) return <p class="muted">Loading settings…</p>;
  return (
    <form
      class="plan-form settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save(tags.map((tag) => ({ ...tag, label: tag.label.trim() })));
      }}
    >
      <h1>Settings</h1>
      <fieldset class="agenda-rows">
        <legend>Quick note tags (keys 1–{TAG_KEYS} pick the first nine)</legend>
        {tags.map((tag, index) => (
          <div class="tag-row" key={index}>
            <label>
              <span class="visually-hidden">Tag {index + 1}</span>
              <span aria-hidden="true">{index + 1}</span>
              <input
                aria-label={`Tag ${index + 1}`}
                value={tag.label}
                maxLength={40}
                onInput={(event) =>
                  setTags(tags.map((t, i) => (i === index ? { ...t, label: event.currentTarget.value } : t)))
                }
              />
            </label>
            <label class="check">
              <input
                type="checkbox"
                aria-label={`Tag ${index + 1} records a step-in`}
                checked={tag.stepIn}
                onChange={(event) =>
                  setTags(tags.map((t, i) => (i === index ? { ...t, stepIn: event.currentTarget.checked } : t)))
                }
              />
              step-in
            </label>
            <label class="check">
              <input
                type="checkbox"
                aria-label={`Tag ${index + 1} records a guardrail crossed`}
                checked={tag.guardrail}
                onChange={(event) =>
                  setTags(tags.map((t, i) => (i === index ? { ...t, guardrail: event.currentTarget.checked } : t)))
                }
              />
              guardrail
            </label>
            <button
              type="button"
              aria-label={`Remove tag ${index + 1}`}
              disabled={tags.length === 1}
              onClick={() => setTags(tags.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </div>
        ))}
        <div class="form-actions">
          <button
            type="button"
            disabled={tags.length >= MAX_TAGS}
            onClick={() => setTags([...tags, { label: '', stepIn: false, guardrail: false }])}
          >
            Add tag
          </button>
          <button type="button" onClick={() => setTags(DEFAULT_NOTE_TAGS)}>
            Back to the defaults
          </button>
        </div>
      </fieldset>
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
  );
}
