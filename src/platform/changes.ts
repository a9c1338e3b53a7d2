// Every surface that shows a call (the HUD on the meeting tab, the side panel, later the companion window) shows the
// one stored record. Writes during a call all go through the service worker, and after each one the worker tells every
// extension page and frame what changed, with the stored record itself: a Next in the HUD shows in the side panel,
// and a note typed in the panel shows in the HUD, with no reload and nothing stored twice. Receivers validate each
// change as they would any message, and take it only from this extension's own contexts.
import * as v from 'valibot';
import { CallSchema, type Call } from '../domain/call';
import { NoteSchema, type Note } from '../domain/note';
import { IdSchema } from '../domain/schema-parts';
import { CHANGE_KINDS, CHANGE_ORIGINS } from '../domain/change-log';
import { browser, type Runtime } from './browser';
import { isTrustedSender, type OverlayRequest } from './messages';

export const CallChangeSchema = v.variant('type', [
  /** A call was started, moved, ticked or ended: the record as stored now. */
  v.strictObject({ type: v.literal('changed/call'), call: CallSchema }),
  /** A note or its new version was stored. */
  v.strictObject({ type: v.literal('changed/note'), note: NoteSchema }),
  v.strictObject({ type: v.literal('changed/note-deleted'), callId: IdSchema, noteId: IdSchema }),
  /**
   * Records committed anywhere (storage/commit.ts), as their change-log rows: the one announcement every write makes,
   * whoever made it (the worker, the popup, the debrief, a restore, an import, team sync). Surfaces read what they
   * show again; the rows name what changed, never its content.
   */
  v.strictObject({
    type: v.literal('changed/records'),
    changes: v.pipe(
      v.array(
        v.strictObject({
          seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
          kind: v.picklist(CHANGE_KINDS),
          id: IdSchema,
          callId: v.optional(IdSchema),
          deleted: v.boolean(),
          origin: v.picklist(CHANGE_ORIGINS),
          at: v.number(),
        }),
      ),
      v.maxLength(100_000),
    ),
  }),
]);
export type CallChange = v.InferOutput<typeof CallChangeSchema>;

/** What a handled request changed, for the other surfaces; null for reads and for the "still on screen" mark. */
export function changeFor(request: OverlayRequest, value: unknown): CallChange | null {
  switch (request.type) {
    case 'call/start':
    case 'call/moveTo':
    case 'call/tickQuestion':
    case 'call/end':
      return { type: 'changed/call', call: value as Call };
    case 'notes/save':
      return { type: 'changed/note', note: value as Note };
    case 'notes/delete':
      return { type: 'changed/note-deleted', callId: request.callId, noteId: request.noteId };
    default:
      return null;
  }
}

/** Service worker: tells every open extension page and frame. Nobody listening is normal, not an error. */
export async function announceChange(change: CallChange): Promise<void> {
  try {
    await browser.runtime.sendMessage(change);
  } catch {
    // No surface is open.
  }
}

const localListeners = new Set<(change: CallChange) => void>();

/** A change committed in this context: its own listeners hear it too (a broadcast never reaches its sender). */
export function hearLocally(change: CallChange): void {
  for (const listener of localListeners) listener(change);
}

/**
 * Pages and frames: calls `listener` with each valid change from this extension, and with this context's own
 * commits; returns the unsubscribe.
 */
export function listenForChanges(listener: (change: CallChange) => void): () => void {
  localListeners.add(listener);
  const onMessage = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (!isTrustedSender(sender, browser.runtime.id)) return undefined;
    const parsed = v.safeParse(CallChangeSchema, message);
    if (parsed.success) listener(parsed.output);
    // No answer: this listener never claims a reply, so requests to the worker are unaffected.
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => {
    localListeners.delete(listener);
    browser.runtime.onMessage.removeListener(onMessage);
  };
}
