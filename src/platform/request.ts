import { browser } from './browser';
import type { OverlayReplies, OverlayRequest, OverlayRequestType, Reply } from './messages';

/**
 * Sends one request to the service worker and resolves with its reply. A stopped service worker is started by the
 * message itself; if the worker is still starting and nothing is listening yet, the send is tried once more.
 */
export async function requestFromServiceWorker<T extends OverlayRequestType>(
  request: Extract<OverlayRequest, { type: T }>,
): Promise<OverlayReplies[T]> {
  let reply: Reply<OverlayReplies[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(request)) as Reply<OverlayReplies[T]> | undefined;
  } catch (error) {
    if (!String(error).includes('Receiving end does not exist')) throw error;
    reply = (await browser.runtime.sendMessage(request)) as Reply<OverlayReplies[T]> | undefined;
  }
  if (!reply) throw new Error('Ridealong did not answer. Reload the tab to reconnect.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
