// Meeting recognition from URLs alone. The meeting sites' DOM classes change every few months, their URL shapes
// don't, so nothing here looks at a page. The table of real shapes lives in tests/unit/meeting-url.test.ts.
//
// This module must stay import-free: the content script imports it, and crxjs emits a content script as one plain
// file only while nothing it imports is shared with another entry (see vite.config.ts).

/**
 * `companion`: a call run in Ridealong's own window, for a desktop app, a phone call or a meeting in person. `tab`:
 * any other site where the person asked for Ridealong (a Webex tab, a browser dialer, a CRM), keyed by its host.
 */
export type MeetingPlatform = 'meet' | 'zoom' | 'teams' | 'companion' | 'tab';

/**
 * Which meeting a tab is in: the platform plus Meet's code (`abc-defg-hij`), Zoom's meeting number, or Teams' meeting
 * thread (`19:meeting_…@thread.v2`), meeting ID, or `call` for a Teams call screen that names no meeting.
 */
export interface MeetingId {
  platform: MeetingPlatform;
  code: string;
}

// https://meet.google.com/abc-defg-hij (also with ?authuser=1, ?hs=…, ?pli=1). Codes are three, four and three
// lowercase letters. /landing, /new and / are not meetings.
const MEET_PATH = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})\/?$/;

// Zoom's web client:
//   https://app.zoom.us/wc/83456789012/join      https://app.zoom.us/wc/83456789012/start
//   https://us02web.zoom.us/wc/83456789012/join  https://acme.zoom.us/wc/83456789012/join
//   https://zoom.us/wc/join/83456789012          (the older shape)
// Meeting numbers are 9 to 11 digits.
const ZOOM_PATHS = [/^\/wc\/(\d{9,11})\/(?:join|start)\/?$/, /^\/wc\/join\/(\d{9,11})\/?$/];

// https://app.zoom.us/wc/home runs the meeting inside a same-origin iframe#webclient whose src is a meeting URL.
const ZOOM_HOME_PATH = /^\/wc\/home\/?$/;

// Microsoft Teams on the web, on its three hosts:
//   https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…   (the invitation's link)
//   https://teams.microsoft.com/meet/2345678901234?p=AbCdEf                           (join with a meeting ID)
//   https://teams.live.com/meet/9391234567890?p=…                                     (Teams free)
//   https://teams.microsoft.com/v2/#/l/meetup-join/19:meeting_…@thread.v2/0           (the web app's hash routes,
//   https://teams.microsoft.com/_#/pre-join-calling/19:meeting_…@thread.v2            v2/#/… and the classic _#/…)
//   https://teams.microsoft.com/light-meetings/launch?anon=true&url=%2F_%23%2Fl%2Fmeetup-join%2F…  (anonymous join)
// Chat lives under /v2/ too (#/conversations/…, even a meeting's own chat): those are not meetings.
const TEAMS_HOSTS = ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'];
const TEAMS_THREAD = /^19:meeting_[A-Za-z0-9_-]{8,200}@thread\.v2$/;
const TEAMS_MEETUP_JOIN = /^\/l\/meetup-join\/([^/?#]+)/;
const TEAMS_MEETING_ID = /^\/meet\/(\d{10,16})\/?$/;
const TEAMS_HASH_JOIN = /^\/(?:l\/meetup-join|meetup-join|pre-join-calling)\/([^/?#]+)/;
/** The web app's call screen. On v2 it often names no meeting, so the page must confirm it (a hang-up control). */
const TEAMS_CALL_SCREEN = /^\/(?:modern-calling|calling-screen)(?:[/?]|$)/;
const TEAMS_LAUNCHER = /^\/(?:light-meetings|dl)\/launch\/?$/;
/** The app's own paths that carry a hash route: the root, the classic `/_` and `/v2/`. */
const TEAMS_APP_PATH = /^\/(?:_|v2\/?)?$/;

function teamsThread(segment: string): MeetingId | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return TEAMS_THREAD.test(decoded) ? { platform: 'teams', code: decoded } : null;
}

function teamsRoute(parsed: URL): string | null {
  return TEAMS_APP_PATH.test(parsed.pathname) && parsed.hash.startsWith('#/') ? parsed.hash.slice(1) : null;
}

function teamsMeeting(parsed: URL, nested = false): MeetingId | null {
  const join = TEAMS_MEETUP_JOIN.exec(parsed.pathname);
  if (join) return teamsThread(join[1]!);
  const id = TEAMS_MEETING_ID.exec(parsed.pathname);
  if (id) return { platform: 'teams', code: id[1]! };
  const route = teamsRoute(parsed);
  const routed = route === null ? null : TEAMS_HASH_JOIN.exec(route);
  if (routed) return teamsThread(routed[1]!);
  // The anonymous launcher names the meeting's own path in its `url` parameter: one level deep, never more.
  const inner = parsed.searchParams.get('url');
  if (!nested && TEAMS_LAUNCHER.test(parsed.pathname) && inner?.startsWith('/') && !inner.startsWith('//')) {
    return teamsMeeting(new URL(inner, parsed.origin), true);
  }
  return null;
}

function parseHttpsUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function isZoomHost(hostname: string): boolean {
  return hostname === 'zoom.us' || hostname.endsWith('.zoom.us');
}

/** The meeting a URL opens, or null when it is not a meeting page. */
export function meetingFromUrl(url: string): MeetingId | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed || parsed.port !== '') return null;
  if (parsed.hostname === 'meet.google.com') {
    const match = MEET_PATH.exec(parsed.pathname);
    return match ? { platform: 'meet', code: match[1]! } : null;
  }
  if (isZoomHost(parsed.hostname)) {
    for (const shape of ZOOM_PATHS) {
      const match = shape.exec(parsed.pathname);
      if (match) return { platform: 'zoom', code: match[1]! };
    }
  }
  if (TEAMS_HOSTS.includes(parsed.hostname)) return teamsMeeting(parsed);
  return null;
}

/**
 * A Teams call screen whose URL names no meeting (`v2/#/modern-calling/`, `_#/calling-screen/`). Chat shares the
 * app's paths, so the URL alone can't tell: it is a meeting only while the page shows a hang-up control.
 */
export function isTeamsCallScreen(url: string): boolean {
  const parsed = parseHttpsUrl(url);
  if (!parsed || parsed.port !== '' || !TEAMS_HOSTS.includes(parsed.hostname)) return false;
  const route = teamsRoute(parsed);
  return route !== null && TEAMS_CALL_SCREEN.test(route);
}

/** What a Teams call screen that names no meeting is keyed by: one call at a time, the one on screen. */
export const TEAMS_UNNAMED_CALL: MeetingId = { platform: 'teams', code: 'call' };

export function isMeetingUrl(url: string): boolean {
  return meetingFromUrl(url) !== null;
}

/** True for Zoom's web-app shell, whose meeting runs in a same-origin iframe#webclient. */
export function isZoomWebAppHome(url: string): boolean {
  const parsed = parseHttpsUrl(url);
  return parsed !== null && isZoomHost(parsed.hostname) && ZOOM_HOME_PATH.test(parsed.pathname);
}

/** A stable string for indexes and comparisons: `meet:abc-defg-hij`, `zoom:83456789012`, `teams:19:meeting_…`. */
export function meetingKey(meeting: MeetingId): string {
  return `${meeting.platform}:${meeting.code}`;
}

export function sameMeeting(a: MeetingId | null, b: MeetingId | null): boolean {
  return a === b || (a !== null && b !== null && meetingKey(a) === meetingKey(b));
}
