// Runs on every page of the meeting hosts. It only recognises a meeting from the URL, mounts one fixed host element
// holding an iframe of our own overlay page, places it, hides or shows it on the keyboard command, and removes it
// when the tab leaves the meeting. No Preact, no storage at all, no plan text: what the overlay shows lives in a
// cross-origin frame the meeting page's scripts can't read. Even the overlay's position is stored by the frame: the
// service worker closes chrome.storage to content scripts, since they share the meeting page's process.
//
// It never polls the URL: the page's own URL changes (Meet's pushState, replaceState, back and forward, Teams' hash
// routes) arrive as Navigation API events, and on Zoom's web app home and Teams' call screen a MutationObserver
// follows the one element that says whether a meeting is on. On an idle meeting
// tab the only work left is a property read every few seconds (npm run bench, "idle meeting tab"; the navigations
// are tested in tests/e2e/meetings.e2e.ts).
//
// The meeting page is hostile (SECURITY.md): it runs before this script and owns the DOM the host sits in. So the host
// is an element the page can't define or upgrade, the frame is never left in the page's DOM while hidden, and a host
// the page takes away comes back, or the toolbar button says why it can't (tests/e2e/hostile-page.e2e.ts).
//
// Its only imports are import-free modules; vite.config.ts builds this file as one standalone script so the page
// never sees a loader or a web-accessible chunk it could fingerprint.
import {
  isTeamsCallScreen,
  isZoomWebAppHome,
  meetingFromUrl,
  sameMeeting,
  TEAMS_UNNAMED_CALL,
  type MeetingId,
} from '../domain/meeting-url';
import {
  FOCUS_NOTE_MESSAGE,
  ON_DEMAND_LEAVING_MESSAGE,
  ON_DEMAND_MAY_LEAVE_MESSAGE,
  OVERLAY_BLOCKED_MESSAGE,
  parseFrameToHost,
  TOGGLE_OVERLAY_MESSAGE,
  type ConnectMessage,
  type FrameToHost,
  type HostToFrame,
} from '../platform/frame-channel';

const OVERLAY_PAGE = 'src/overlay/overlay.html';
/** Marks our host for the tests and the reload notice. The page can find the host anyway; it can't use it. */
const HOST_MARK = 'data-ridealong';
// The overlay frame's origin: in Chrome the extension id's, even behind the frame's dynamic URL; in Firefox the
// moz-extension:// host of this installation, which getURL names.
const EXTENSION_ORIGIN = chrome.runtime.getURL('').startsWith('moz-extension:')
  ? new URL(chrome.runtime.getURL('')).origin
  : `chrome-extension://${chrome.runtime.id}`;
/**
 * How often the URL is checked only where the Navigation API is missing (Chrome has it from 102; Firefox lacked it).
 * There, history.pushState fires no event a content script can hear, so a slow check is the fallback.
 */
const URL_CHECK_FALLBACK_MS = 1_000;
/**
 * How often an idle tab checks that the extension is still there. An update or reload cuts this script off with no
 * event at all (no port, no message, the frame stays as it was), and the overlay would sit there dead. One property
 * read: far cheaper than the URL check it replaces (npm run bench, "idle meeting tab").
 */
const EXTENSION_CHECK_MS = 5_000;
const PILL_SIZE = { width: 248, height: 44 };
const EDGE_GAP_PX = 16;
/** Kept free at the bottom of the tab, where Meet (80 px) and Zoom (52 px) put their call controls. */
const BOTTOM_BAR_PX = 96;
/** Teams puts its call controls (Leave among them) in a bar at the top right: the overlay starts below it. */
const TEAMS_TOP_PX = 72;
/** A page that removes the overlay this often in one meeting means it: stop, and say so on the toolbar button. */
const MAX_REMOUNTS = 3;

/** Distance from the tab's top and right edges. Top right by default: clear of Meet's and Zoom's bottom bars. */
interface Position {
  top: number;
  right: number;
}

interface Mounted {
  meeting: MeetingId;
  host: HTMLElement;
  frame: HTMLIFrameElement;
  port: MessagePort | null;
  /** False until the overlay has reported its size: no flash of a wrongly sized frame, nothing that moves. */
  sized: boolean;
  /** The host's style as we last set it, to tell the page's restyling from our own. */
  css: string;
  /** The "take a note" shortcut arrived before the frame's channel was open. */
  focusNotePending: boolean;
  watcher: MutationObserver;
}

let mounted: Mounted | null = null;
/** Hidden means unmounted: a frame left in the page's DOM could be shown again by the page during a screen share. */
let hidden = false;
let position: Position = { top: EDGE_GAP_PX, right: EDGE_GAP_PX };
/**
 * Where the overlay is shown: `position`, kept inside the tab. A tall panel pushed up for a moment doesn't lose the
 * place it was put: once it is smaller again it goes back there.
 */
let shown: Position = position;
/** Set once the person's own position is known (restored or dragged): no default moves it after that. */
let positionChosen = false;
/**
 * The first meeting this document showed. A later one was reached by the page's own history.pushState, which any page
 * script can do: its overlay starts closed and never starts a call by itself, so pushing meeting codes reveals nothing.
 */
let firstMeeting: MeetingId | null = null;
/** How often the page removed the overlay in the current meeting. */
let removals = 0;
let removalsIn: MeetingId | null = null;
let blockedReported = false;

/** The src of Zoom's meeting frame on its web app home, or '' when there is none. */
function webclientSrc(): string {
  const webclient = document.querySelector('iframe#webclient');
  return webclient instanceof HTMLIFrameElement ? webclient.src : '';
}

/** Teams' hang-up control, in the web app's call screen: the one sign that a call screen holds a call. */
const TEAMS_HANG_UP = '#hangup-button,[data-tid="hangup-main-btn"],[data-tid="call-hangup"]';

/** Set by the worker when the person asked for Ridealong on this tab (platform/on-demand.ts). */
const onDemand = (globalThis as { ridealongOnDemand?: boolean }).ridealongOnDemand === true;

function currentMeeting(): MeetingId | null {
  const meeting = meetingFromUrl(location.href);
  if (meeting) return meeting;
  // Any other site, on request: the call is this site's, and stays while the tab does.
  if (onDemand) return { platform: 'tab', code: location.hostname.toLowerCase() };
  if (isTeamsCallScreen(location.href)) return document.querySelector(TEAMS_HANG_UP) ? TEAMS_UNNAMED_CALL : null;
  // app.zoom.us/wc/home runs the meeting in a same-origin iframe#webclient. This script runs in the top frame only,
  // so the overlay appears once, on top, sized to the tab.
  if (isZoomWebAppHome(location.href)) {
    const src = webclientSrc();
    if (src) return meetingFromUrl(src);
  }
  return null;
}

/**
 * Zoom's web app home adds, replaces or re-points iframe#webclient long after load, without a navigation of its own;
 * Teams' call screen shows its hang-up control once the call is up, and drops it when the call ends. Watched only
 * while on such a page: the callback reads one element, and only a change goes on to sync().
 */
let zoomHomeWatcher: MutationObserver | null = null;
let seenWebclientSrc = '';

/** What the watched page shows: Zoom home's meeting frame, or whether a Teams call screen has its hang-up control. */
function watchedState(): string {
  return isTeamsCallScreen(location.href) ? String(!!document.querySelector(TEAMS_HANG_UP)) : webclientSrc();
}

function followZoomHome(): void {
  const onHome = isZoomWebAppHome(location.href) || isTeamsCallScreen(location.href);
  if (onHome && !zoomHomeWatcher) {
    seenWebclientSrc = watchedState();
    zoomHomeWatcher = new MutationObserver(() => {
      const state = watchedState();
      if (state === seenWebclientSrc) return;
      seenWebclientSrc = state;
      sync();
    });
    zoomHomeWatcher.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src', 'id', 'data-tid'],
    });
  } else if (!onHome && zoomHomeWatcher) {
    zoomHomeWatcher.disconnect();
    zoomHomeWatcher = null;
  }
}

/**
 * The host's whole style, at the current position. CSSOM, not a style attribute: it works under a page CSP without
 * 'unsafe-inline'. Every declaration is `!important`, because inline important declarations beat the page's own
 * `!important` rules, and `all: initial` resets whatever else the host would inherit.
 */
function hostCss(extra = ''): string {
  const declarations = `all:initial;position:fixed;z-index:2147483647;opacity:1;top:${shown.top}px;right:${shown.right}px;display:block${extra}`;
  return declarations.replace(/;/g, '!important;') + '!important';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function setFrameSize(frame: HTMLIFrameElement, width: number, height: number): void {
  frame.style.width = `${clamp(Math.round(width), 40, window.innerWidth - 2 * EDGE_GAP_PX)}px`;
  frame.style.height = `${clamp(Math.round(height), 40, window.innerHeight - EDGE_GAP_PX - BOTTOM_BAR_PX)}px`;
}

/** Keeps the overlay inside the tab, whatever its size and wherever it was dragged. */
function place(entry: Mounted): void {
  const width = entry.frame.offsetWidth || PILL_SIZE.width;
  const height = entry.frame.offsetHeight || PILL_SIZE.height;
  shown = {
    top: clamp(position.top, 0, window.innerHeight - BOTTOM_BAR_PX - height),
    right: clamp(position.right, 0, window.innerWidth - width),
  };
  entry.css = hostCss(entry.sized ? '' : ';visibility:hidden');
  entry.host.style.cssText = entry.css;
  // Reading it back gives the browser's serialisation, which is what a later comparison sees.
  entry.css = entry.host.style.cssText;
}

function send(entry: Mounted, message: HostToFrame): void {
  entry.port?.postMessage(message);
}

function onFrameMessage(entry: Mounted, message: FrameToHost): void {
  switch (message.type) {
    case 'size':
      setFrameSize(entry.frame, message.width, message.height);
      entry.sized = true;
      break;
    case 'move':
      // From where it is shown: a drag moves what the person sees.
      position = { top: shown.top + message.dy, right: shown.right - message.dx };
      positionChosen = true;
      break;
    case 'move-end':
      // The frame stores it for this device, and hands it back to the next overlay this script mounts.
      send(entry, { type: 'position-save', top: shown.top, right: shown.right });
      return;
    case 'position-restore':
      position = { top: message.top, right: message.right };
      positionChosen = true;
      break;
  }
  place(entry);
}

/** Tells the service worker, which marks the toolbar button: the page can hide our box, never the reason. */
function reportBlocked(): void {
  if (blockedReported) return;
  blockedReported = true;
  chrome.runtime.sendMessage({ type: OVERLAY_BLOCKED_MESSAGE }).catch(() => undefined);
}

/**
 * Watches our host, never polls: the page restyling it gets our style back at once, and a host the page removed or
 * moved comes back (up to MAX_REMOUNTS times in one meeting).
 */
function watch(entry: Mounted): MutationObserver {
  const watcher = new MutationObserver(() => {
    if (mounted !== entry) return;
    if (entry.host.parentNode !== document.documentElement) {
      removals += 1;
      unmount();
      if (removals > MAX_REMOUNTS) reportBlocked();
      else sync();
      return;
    }
    const foreign = entry.host.getAttributeNames().filter((name) => name !== 'style' && name !== HOST_MARK);
    if (foreign.length > 0 || entry.host.style.cssText !== entry.css) {
      for (const name of foreign) entry.host.removeAttribute(name);
      place(entry);
    }
  });
  watcher.observe(document.documentElement, { childList: true });
  watcher.observe(entry.host, { attributes: true });
  return watcher;
}

function mount(meeting: MeetingId): Mounted | null {
  // A built-in element. A custom element's name can be defined by the page before this script runs; its constructor
  // then runs on our element and, with attachInternals(), reads even a closed shadow root. A div can't be defined.
  const host = document.createElement('div');
  let shadow: ShadowRoot;
  try {
    // Closed: the page gets no handle to the frame, so it can't read its URL (the token) or navigate it.
    shadow = host.attachShadow({ mode: 'closed' });
  } catch {
    reportBlocked();
    return null;
  }
  // The root must be the one we just made, empty and closed, on our element: anything else is not ours to trust.
  if (shadow.host !== host || host.shadowRoot !== null || shadow.childNodes.length > 0) {
    reportBlocked();
    return null;
  }
  host.setAttribute(HOST_MARK, '');
  const frame = document.createElement('iframe');
  // A token only the frame and this script know: the frame accepts the private channel only from whoever shows it.
  const token = crypto.randomUUID();
  const search = new URLSearchParams({ platform: meeting.platform, code: meeting.code });
  firstMeeting ??= meeting;
  if (!sameMeeting(meeting, firstMeeting)) search.set('arrived', 'page');
  frame.src = `${chrome.runtime.getURL(OVERLAY_PAGE)}?${search.toString()}#${token}`;
  frame.title = 'Ridealong';
  frame.style.cssText = 'display:block;border:0;background:transparent;color-scheme:normal;border-radius:14px';
  setFrameSize(frame, PILL_SIZE.width, PILL_SIZE.height);
  const entry: Mounted = {
    meeting,
    host,
    frame,
    port: null,
    sized: false,
    css: '',
    focusNotePending: false,
    watcher: new MutationObserver(() => undefined),
  };
  frame.addEventListener('load', () => {
    entry.port?.close();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseFrameToHost(event.data);
      if (message) onFrameMessage(entry, message);
    };
    entry.port = channel.port1;
    // The frame is loaded through a dynamic URL (use_dynamic_url), but its document's origin is the extension's own.
    // Naming that origin means a frame navigated elsewhere never receives the channel.
    const connect: ConnectMessage = { ridealong: 'connect', token };
    frame.contentWindow?.postMessage(connect, EXTENSION_ORIGIN, [channel.port2]);
    if (entry.focusNotePending) focusNote(entry);
  });
  shadow.append(frame);
  document.documentElement.append(host);
  place(entry);
  entry.watcher = watch(entry);
  return entry;
}

function unmount(): void {
  if (!mounted) return;
  const entry = mounted;
  mounted = null;
  entry.watcher.disconnect();
  entry.port?.close();
  entry.host.remove();
}

function focusNote(entry: Mounted): void {
  // The person asked for it with a shortcut: the one time the overlay takes the keyboard.
  entry.focusNotePending = entry.port === null;
  if (entry.focusNotePending) return;
  entry.frame.focus();
  send(entry, { type: 'focus-note' });
}

/**
 * After the extension is reloaded or updated, this copy of the script is cut off from it and its frame is dead.
 * Say so in plain words instead of leaving a blank box; the page itself keeps working.
 */
function showReloadNotice(): void {
  const meeting = mounted?.meeting;
  unmount();
  stop();
  if (!meeting) return;
  const notice = document.createElement('div');
  notice.setAttribute(HOST_MARK, '');
  notice.style.cssText = hostCss(';padding:8px 12px;background:#111827;color:#fff;font:13px sans-serif');
  notice.setAttribute('role', 'status');
  notice.textContent = 'Ridealong was updated: reload this tab to bring it back. Nothing was lost.';
  document.documentElement.append(notice);
}

function extensionGone(): boolean {
  if (chrome.runtime?.id) return false;
  showReloadNotice();
  return true;
}

function sync(): void {
  if (extensionGone()) return;
  followZoomHome();
  const meeting = currentMeeting();
  if (mounted && sameMeeting(meeting, mounted.meeting)) return;
  unmount();
  if (!meeting) return;
  if (!sameMeeting(meeting, removalsIn)) {
    removalsIn = meeting;
    removals = 0;
  }
  if (hidden || removals > MAX_REMOUNTS) return;
  if (!positionChosen)
    position = { top: meeting.platform === 'teams' ? TEAMS_TOP_PX : EDGE_GAP_PX, right: EDGE_GAP_PX };
  mounted = mount(meeting);
}

function onResize(): void {
  if (mounted) place(mounted);
}

/**
 * The Navigation API, where the browser has one. TypeScript's DOM library doesn't describe it yet, and only its
 * events are used here. Its events reach this isolated world for the page's own history calls (FACTS.md).
 */
const pageNavigation = (window as { navigation?: EventTarget }).navigation;
/** Navigation events that can change the URL: currententrychange for every same-document change. */
const NAVIGATION_EVENTS = ['currententrychange', 'navigatesuccess'];

function stop(): void {
  clearInterval(timer);
  for (const type of NAVIGATION_EVENTS) pageNavigation?.removeEventListener(type, sync);
  zoomHomeWatcher?.disconnect();
  zoomHomeWatcher = null;
  window.removeEventListener('popstate', sync);
  window.removeEventListener('resize', onResize);
}

// A second injection (an extension update re-runs content scripts) replaces the first overlay instead of adding one.
for (const stale of document.querySelectorAll(`[${HOST_MARK}]`)) stale.remove();
for (const type of NAVIGATION_EVENTS) pageNavigation?.addEventListener(type, sync);
// Without the Navigation API the slow URL check also notices a removed extension.
const timer = pageNavigation
  ? setInterval(extensionGone, EXTENSION_CHECK_MS)
  : setInterval(sync, URL_CHECK_FALLBACK_MS);
window.addEventListener('popstate', sync);
window.addEventListener('resize', onResize);
// A tab Ridealong was asked onto: the worker follows a reload and puts it back on the same site.
if (onDemand) {
  // Twice: before the page starts to go (the message always gets out), and as it goes (the new page has committed).
  window.addEventListener('beforeunload', () => {
    chrome.runtime.sendMessage({ type: ON_DEMAND_MAY_LEAVE_MESSAGE }).catch(() => undefined);
  });
  window.addEventListener('pagehide', () => {
    chrome.runtime.sendMessage({ type: ON_DEMAND_LEAVING_MESSAGE }).catch(() => undefined);
  });
}
sync();

// The keyboard commands (see src/background/commands.ts) arrive here, only ever from our own service worker.
chrome.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== chrome.runtime.id || sender.tab) return;
  const type = (message as { type?: unknown } | null)?.type;
  if (type === TOGGLE_OVERLAY_MESSAGE) {
    hidden = !hidden;
    if (hidden) unmount();
    else sync();
  } else if (type === FOCUS_NOTE_MESSAGE) {
    hidden = false;
    sync();
    if (mounted) focusNote(mounted);
  }
});
