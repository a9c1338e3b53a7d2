// The service worker. Listeners are registered synchronously at top level so a message that wakes a stopped worker
// is delivered; nothing that matters is kept in memory between messages.
import { browser, type Runtime } from '../platform/browser';
import { isTrustedSender, parseOverlayRequest, type Reply } from '../platform/messages';
import { announceChange, changeFor } from '../platform/changes';
import { announceCommits } from '../platform/commit-announcer';
import { followReload } from '../platform/on-demand';
import { ON_DEMAND_LEAVING_MESSAGE, ON_DEMAND_MAY_LEAVE_MESSAGE } from '../platform/frame-channel';
import { handleCommand } from './commands';
import { listenForSyncAlarms, syncSoon } from './team-sync';
import { isContentScriptReport, isOverlayBlockedReport, markOverlayBlocked } from './overlay-blocked';
import { handleOverlayRequest } from './overlay-requests';
import { closeStorageToContentScripts, recordDataLoss } from '../platform/device-settings';
import { whenDataLost } from '../storage/database';
import { errorText } from '../domain/text';

void closeStorageToContentScripts();
// The worker is often first to open the database after the browser lost it: it records that for the pages.
whenDataLost(() => void recordDataLoss(Date.now()));
// Whatever the worker commits (a request's write, team sync's merges) is told to every surface, and a change for the
// team arms a sync round once writes settle.
announceCommits(() => void syncSoon());

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
  if (isOverlayBlockedReport(message, sender, browser.runtime.id)) {
    return markOverlayBlocked(sender.tab!.id!).then(
      () => ({ ok: true, value: null }),
      () => ({ ok: false, error: 'The toolbar button could not be marked.' }),
    );
  }
  if (isContentScriptReport(ON_DEMAND_MAY_LEAVE_MESSAGE, message, sender, browser.runtime.id)) {
    followReload(sender.tab!.id!, false);
    return Promise.resolve({ ok: true, value: null });
  }
  if (isContentScriptReport(ON_DEMAND_LEAVING_MESSAGE, message, sender, browser.runtime.id)) {
    followReload(sender.tab!.id!, true);
    return Promise.resolve({ ok: true, value: null });
  }
  if (!isTrustedSender(sender, browser.runtime.id)) {
    return Promise.resolve({ ok: false, error: 'Refused: only Ridealong’s own pages may ask for this.' });
  }
  const parsed = parseOverlayRequest(message);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
  const request = parsed.request;
  return handleOverlayRequest(request, Date.now(), () => crypto.randomUUID(), sender.tab?.id).then(
    (value) => {
      // Every other surface showing this call hears of the change at once, with the stored record.
      const change = changeFor(request, value);
      if (change) void announceChange(change);
      return { ok: true, value };
    },
    (error: unknown) => ({ ok: false, error: errorText(error) }),
  );
});

browser.commands.onCommand.addListener((command, tab) => handleCommand(command, tab));
listenForSyncAlarms();
