import { browser } from './browser';
import type { OverlayReplies, OverlayRequest, OverlayRequestType, Reply } from './messages';

/** Never delivered: nothing was listening yet (the worker was still starting). Safe to send again, always. */
const NOT_DELIVERED = /Receiving end does not exist/;
/** Delivered, but the worker stopped before it answered: whether it acted is unknown. */
const UNANSWERED = /message channel closed|message port closed/;
/** Waits before each new try, while a stopped worker starts again. */
const RETRY_DELAYS_MS = [100, 300, 700, 1500];
/**
 * webextension-polyfill turns Chrome's "message port closed before a response was received" into an empty reply,
 * and the worker answers every request it handles, so an empty reply means the worker stopped before answering.
 */
const PORT_CLOSED = 'The message port closed before a response was received.';

/**
 * Requests that may be sent again when the worker stopped before answering: each one states an end result (move to
 * item 3, store this note by its id, end this call), so doing it twice is doing it once. Starting a call is not:
 * a second try could start a second call.
 */
const SAFE_TO_REPEAT: ReadonlySet<OverlayRequestType> = new Set<OverlayRequestType>([
  'meeting/state',
  'call/moveTo',
  'call/tickQuestion',
  'call/alive',
  'call/end',
  'call/get',
  'plans/search',
  'notes/save',
  'notes/list',
  'notes/delete',
  'panel/enable',
]);

/**
 * Sends one request to the service worker and resolves with its reply. A stopped service worker is started by the
 * message itself. When the worker was starting or stopping at that moment, the request is sent again a few times,
 * so a worker stopped by the browser never shows up as an error on the call.
 */
export async function requestFromServiceWorker<T extends OverlayRequestType>(
  request: Extract<OverlayRequest, { type: T }>,
): Promise<OverlayReplies[T]> {
  let reply: Reply<OverlayReplies[T]>;
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = (await browser.runtime.sendMessage(request)) as Reply<OverlayReplies[T]> | undefined;
      if (answer === undefined) throw new Error(PORT_CLOSED);
      reply = answer;
      break;
    } catch (error) {
      const text = String(error);
      const repeatable = NOT_DELIVERED.test(text) || (UNANSWERED.test(text) && SAFE_TO_REPEAT.has(request.type));
      const delay = RETRY_DELAYS_MS[attempt];
      if (!repeatable || delay === undefined) throw new Error(friendlyTransportError(text));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

function friendlyTransportError(text: string): string {
  if (/Extension context invalidated/.test(text))
    return 'Ridealong was updated or reloaded. Reload the tab to reconnect.';
  if (NOT_DELIVERED.test(text) || UNANSWERED.test(text)) return 'Ridealong’s background worker did not answer.';
  return text;
}
