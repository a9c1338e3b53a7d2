// The one message contract between contexts. The overlay frame asks the service worker, because IndexedDB is denied
// inside a frame embedded in the meeting site; the service worker tells a content script to hide or show its overlay
// (a keyboard command). Every request is validated here before the
// service worker touches storage, and feature code sends through `requestFromServiceWorker`, never raw.
import * as v from 'valibot';
import { MeetingIdSchema, RoleSchema, type Call } from '../domain/call';
import { NoteSchema, type Note } from '../domain/note';
import type { Plan } from '../domain/plan';
import { IdSchema } from '../domain/schema-parts';
import type { SyncStatus } from './team-sync-settings';

/** Overlay → service worker. `strictObject` refuses unknown keys, so a message is exactly what is listed here. */
export const OverlayRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('meeting/state'), meeting: MeetingIdSchema }),
  v.strictObject({ type: v.literal('call/start'), planId: IdSchema, meeting: MeetingIdSchema, role: RoleSchema }),
  v.strictObject({
    type: v.literal('call/moveTo'),
    callId: IdSchema,
    toItemIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
    role: RoleSchema,
  }),
  v.strictObject({ type: v.literal('call/tickQuestion'), callId: IdSchema, questionId: IdSchema, ticked: v.boolean() }),
  /** Sent while the overlay shows the call, so a call left without "End call" ends where it was last seen. */
  v.strictObject({ type: v.literal('call/alive'), callId: IdSchema }),
  v.strictObject({ type: v.literal('call/end'), callId: IdSchema }),
  /** One call as stored (null when it is gone): a surface reads again what a commit elsewhere changed. */
  v.strictObject({ type: v.literal('call/get'), callId: IdSchema }),
  v.strictObject({ type: v.literal('plans/search'), query: v.pipe(v.string(), v.maxLength(200)) }),
  /** Stores a note or its new version; the same note sent twice is stored once. */
  v.strictObject({ type: v.literal('notes/save'), note: NoteSchema }),
  v.strictObject({ type: v.literal('notes/list'), callId: IdSchema }),
  v.strictObject({ type: v.literal('notes/delete'), callId: IdSchema, noteId: IdSchema }),
  /** From the overlay frame on a meeting tab: that tab's side panel shows this meeting. Answers the tab's id. */
  v.strictObject({ type: v.literal('panel/enable'), meeting: MeetingIdSchema }),
  /** From a page that opened or changed something: a team sync round now (answers how it went; null when off). */
  v.strictObject({ type: v.literal('sync/now') }),
  /** After a write: a team sync round soon, once writes have settled. */
  v.strictObject({ type: v.literal('sync/soon') }),
]);
export type OverlayRequest = v.InferOutput<typeof OverlayRequestSchema>;
export type OverlayRequestType = OverlayRequest['type'];

/** What the overlay needs to draw itself for one meeting. */
export interface MeetingState {
  /** Plans whose meeting link is this meeting, soonest first. */
  linkedPlans: Plan[];
  /** Other plans scheduled within two hours of now, closest first. */
  nearbyPlans: Plan[];
  /** The call already running in this meeting on this device, so a reloaded overlay picks it up again. */
  activeCall: Call | null;
}

export interface OverlayReplies {
  'meeting/state': MeetingState;
  'call/start': Call;
  'call/moveTo': Call;
  'call/tickQuestion': Call;
  'call/alive': Call;
  'call/end': Call;
  'call/get': Call | null;
  'plans/search': Plan[];
  'notes/save': Note;
  'notes/list': Note[];
  'notes/delete': null;
  'panel/enable': { tabId: number };
  'sync/now': SyncStatus | null;
  'sync/soon': null;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type ParsedRequest = { ok: true; request: OverlayRequest } | { ok: false; error: string };

/** Validates an untrusted message. The error names the first problem, for the sender's console, not for users. */
export function parseOverlayRequest(message: unknown): ParsedRequest {
  const result = v.safeParse(OverlayRequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { ok: false, error: `Malformed request${path ? ` at ${path}` : ''}: ${issue.message}` };
}

/** The parts of `runtime.MessageSender` the check needs. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * Only our own extension pages and frames may use the contract. A content script's messages carry the meeting page's
 * URL, so a compromised or spoofed page context is refused even though it shares our extension id. Web pages can't
 * message us at all: the manifest has no externally_connectable.
 */
const EXTENSION_PROTOCOLS = ['chrome-extension:', 'moz-extension:'];

export function isTrustedSender(sender: SenderInfo, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    // Chrome's extension pages are chrome-extension://, Firefox's moz-extension://. (The overlay frame's URL may be
    // Chrome's dynamic one, so the host is not compared: the sender's id already says it is ours.)
    return EXTENSION_PROTOCOLS.includes(new URL(sender.url).protocol);
  } catch {
    return false;
  }
}
