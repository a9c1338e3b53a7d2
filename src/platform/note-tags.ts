// The quick tags, editable per device. Stored in chrome.storage.local so the overlay frame can read them.
import * as v from 'valibot';
import { DEFAULT_NOTE_TAGS, MAX_TAGS, NoteTagSchema, type NoteTag } from '../domain/note';
import { browser } from './browser';
import { DEVICE_SETTING_KEYS } from './device-settings';

const TagsSchema = v.pipe(v.array(NoteTagSchema), v.minLength(1), v.maxLength(MAX_TAGS));

export async function loadNoteTags(): Promise<NoteTag[]> {
  const stored = await browser.storage.local.get(DEVICE_SETTING_KEYS.noteTags);
  const parsed = v.safeParse(TagsSchema, stored[DEVICE_SETTING_KEYS.noteTags]);
  return parsed.success ? parsed.output : DEFAULT_NOTE_TAGS;
}

/** Saves edited tags; refuses an empty or oversized list with a message for the settings form. */
export async function saveNoteTags(tags: NoteTag[]): Promise<void> {
  const parsed = v.safeParse(TagsSchema, tags);
  if (!parsed.success) throw new Error(`Keep 1 to ${MAX_TAGS} tags, each with a name of up to 40 characters.`);
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.noteTags]: parsed.output });
}
