import { describe, expect, it } from 'vitest';
import {
  isMeetingUrl,
  isTeamsCallScreen,
  isZoomWebAppHome,
  meetingFromUrl,
  meetingKey,
  sameMeeting,
} from '../../src/domain/meeting-url';

// A Teams meeting thread as invitations carry it, and the same id URL-encoded as it appears in links.
const THREAD = '19:meeting_NjY2ZTE4YjAtZWE1OC00YTJlLWE3NGQtYzE0MTA3OTBlZjg3@thread.v2';
const THREAD_IN_LINK = '19%3ameeting_NjY2ZTE4YjAtZWE1OC00YTJlLWE3NGQtYzE0MTA3OTBlZjg3%40thread.v2';
const CONTEXT = '?context=%7b%22Tid%22%3a%2272f988bf%22%2c%22Oid%22%3a%22a1b2%22%7d';

// Real URL shapes, row by row: [url, platform, code].
const MEETINGS: [string, 'meet' | 'zoom' | 'teams', string][] = [
  ['https://meet.google.com/abc-defg-hij', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?authuser=1', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?hs=122&authuser=0', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?pli=1', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij/', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij#chat', 'meet', 'abc-defg-hij'],
  ['https://app.zoom.us/wc/83456789012/join', 'zoom', '83456789012'],
  ['https://app.zoom.us/wc/83456789012/start', 'zoom', '83456789012'],
  ['https://app.zoom.us/wc/83456789012/join?fromPWA=1&pwd=abc', 'zoom', '83456789012'],
  ['https://zoom.us/wc/join/83456789012', 'zoom', '83456789012'],
  ['https://us02web.zoom.us/wc/83456789012/join', 'zoom', '83456789012'],
  ['https://acme.zoom.us/wc/83456789012/join', 'zoom', '83456789012'],
  ['https://acme.zoom.us/wc/join/9876543210', 'zoom', '9876543210'],
  ['https://us06web.zoom.us/wc/123456789/start', 'zoom', '123456789'],
  [`https://teams.microsoft.com/l/meetup-join/${THREAD_IN_LINK}/0${CONTEXT}`, 'teams', THREAD],
  [`https://teams.microsoft.com/l/meetup-join/${THREAD_IN_LINK}/1700000000000?anon=true`, 'teams', THREAD],
  [`https://teams.cloud.microsoft/l/meetup-join/${THREAD_IN_LINK}/0${CONTEXT}`, 'teams', THREAD],
  [`https://teams.live.com/l/meetup-join/${THREAD_IN_LINK}/0`, 'teams', THREAD],
  ['https://teams.microsoft.com/meet/2345678901234?p=AbCdEfGh', 'teams', '2345678901234'],
  ['https://teams.live.com/meet/9391234567890?p=x1y2z3', 'teams', '9391234567890'],
  ['https://teams.cloud.microsoft/meet/23456789012345?p=q', 'teams', '23456789012345'],
  [`https://teams.microsoft.com/v2/#/l/meetup-join/${THREAD}/0?context=x`, 'teams', THREAD],
  [`https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${THREAD_IN_LINK}/0`, 'teams', THREAD],
  [`https://teams.microsoft.com/_#/l/meetup-join/${THREAD}/0`, 'teams', THREAD],
  [`https://teams.microsoft.com/_#/pre-join-calling/${THREAD}`, 'teams', THREAD],
  [`https://teams.microsoft.com/v2/#/pre-join-calling/${THREAD}`, 'teams', THREAD],
  [`https://teams.microsoft.com/v2/#/meetup-join/${THREAD}`, 'teams', THREAD],
  [
    `https://teams.microsoft.com/light-meetings/launch?anon=true&deeplinkId=abc&directDl=true&msLaunch=true&url=${encodeURIComponent(`/_#/l/meetup-join/${THREAD_IN_LINK}/0${CONTEXT}`)}`,
    'teams',
    THREAD,
  ],
  [
    `https://teams.microsoft.com/dl/launch?url=${encodeURIComponent(`/l/meetup-join/${THREAD_IN_LINK}/0`)}`,
    'teams',
    THREAD,
  ],
];

// Near-misses: pages on the meeting hosts that are not meetings, and look-alikes elsewhere.
const NOT_MEETINGS = [
  'https://meet.google.com/',
  'https://meet.google.com/landing',
  'https://meet.google.com/new',
  'https://meet.google.com/abc-defg-hi',
  'https://meet.google.com/abcd-defg-hij',
  'https://meet.google.com/ABC-DEFG-HIJ',
  'https://meet.google.com/abc-defg-hij/extra',
  'https://meet.google.com/lookup/abc-defg-hij',
  'http://meet.google.com/abc-defg-hij',
  'https://meet.google.com.evil.example/abc-defg-hij',
  'https://evil.example/abc-defg-hij',
  'https://meet.google.com:8443/abc-defg-hij',
  'https://app.zoom.us/wc/home',
  'https://app.zoom.us/wc/83456789012',
  'https://app.zoom.us/wc/83456789012/leave',
  'https://app.zoom.us/wc/1234/join',
  'https://app.zoom.us/wc/abc/join',
  'https://zoom.us/j/83456789012',
  'https://zoom.us/wc/join/',
  'https://zoom.us.evil.example/wc/83456789012/join',
  'https://evilzoom.us/wc/83456789012/join',
  'https://app.zoom.us/wc/83456789012/join/../../../x',
  'not a url',
  '',
  'javascript:alert(1)//meet.google.com/abc-defg-hij',
  // Teams: chat (a meeting's own chat too), the calendar, settings, the app shell, and look-alikes.
  'https://teams.microsoft.com/',
  'https://teams.microsoft.com/v2/',
  'https://teams.microsoft.com/v2/#/conversations/19:abc123@thread.v2?ctx=chat',
  `https://teams.microsoft.com/v2/#/conversations/${THREAD}?ctx=chat`,
  `https://teams.microsoft.com/_#/conversations/${THREAD}?ctx=chat`,
  'https://teams.microsoft.com/v2/#/calendarv2',
  'https://teams.microsoft.com/v2/#/settings/general',
  'https://teams.microsoft.com/v2/#/modern-calling/',
  'https://teams.microsoft.com/l/meetup-join/19%3aabc123%40thread.v2/0',
  'https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0',
  'https://teams.microsoft.com/l/chat/0/0?users=someone@example.com',
  'https://teams.microsoft.com/meet/12345?p=x',
  'https://teams.microsoft.com/meet/2345678901234/extra',
  `https://teams.microsoft.com/light-meetings/launch?url=${encodeURIComponent('https://evil.example/l/meetup-join/x')}`,
  `https://teams.microsoft.com/light-meetings/launch?url=${encodeURIComponent(`//evil.example/_#/l/meetup-join/${THREAD_IN_LINK}/0`)}`,
  `https://teams.microsoft.com.evil.example/l/meetup-join/${THREAD_IN_LINK}/0`,
  `https://evil.example/l/meetup-join/${THREAD_IN_LINK}/0`,
  `http://teams.microsoft.com/l/meetup-join/${THREAD_IN_LINK}/0`,
  `https://teams.microsoft.com/somewhere/#/pre-join-calling/${THREAD}`,
];

describe('meetingFromUrl', () => {
  it.each(MEETINGS)('%s is a %s meeting %s', (url, platform, code) => {
    expect(meetingFromUrl(url)).toEqual({ platform, code });
    expect(isMeetingUrl(url)).toBe(true);
  });

  it.each(NOT_MEETINGS)('%s is not a meeting', (url) => {
    expect(meetingFromUrl(url)).toBeNull();
    expect(isMeetingUrl(url)).toBe(false);
  });
});

describe('isTeamsCallScreen', () => {
  it.each([
    'https://teams.microsoft.com/v2/#/modern-calling/',
    'https://teams.microsoft.com/v2/#/modern-calling',
    'https://teams.microsoft.com/_#/calling-screen/',
    'https://teams.cloud.microsoft/v2/#/calling-screen/?callId=abc',
    'https://teams.live.com/v2/#/modern-calling/',
  ])('%s is a call screen, to be confirmed on the page', (url) => expect(isTeamsCallScreen(url)).toBe(true));

  it.each([
    'https://teams.microsoft.com/v2/#/conversations/19:abc@thread.v2',
    'https://teams.microsoft.com/v2/',
    'https://teams.microsoft.com/v2/#/modern-callingx',
    'https://evil.example/v2/#/modern-calling/',
    'https://app.zoom.us/wc/home',
  ])('%s is not', (url) => expect(isTeamsCallScreen(url)).toBe(false));
});

describe('isZoomWebAppHome', () => {
  it.each(['https://app.zoom.us/wc/home', 'https://app.zoom.us/wc/home/', 'https://acme.zoom.us/wc/home?from=pwa'])(
    '%s hosts the meeting in iframe#webclient',
    (url) => expect(isZoomWebAppHome(url)).toBe(true),
  );

  it.each(['https://app.zoom.us/wc/83456789012/join', 'https://meet.google.com/wc/home', 'https://app.zoom.us/home'])(
    '%s is not the web-app home',
    (url) => expect(isZoomWebAppHome(url)).toBe(false),
  );
});

describe('meeting identity', () => {
  it('keys a meeting by platform and code, so the same meeting via two URL shapes is one meeting', () => {
    const viaApp = meetingFromUrl('https://app.zoom.us/wc/83456789012/join');
    const viaOldShape = meetingFromUrl('https://zoom.us/wc/join/83456789012');
    expect(meetingKey(viaApp!)).toBe('zoom:83456789012');
    expect(sameMeeting(viaApp, viaOldShape)).toBe(true);
  });

  it('tells two meetings apart', () => {
    expect(
      sameMeeting(
        meetingFromUrl('https://meet.google.com/abc-defg-hij'),
        meetingFromUrl('https://meet.google.com/xyz-defg-hij'),
      ),
    ).toBe(false);
    expect(sameMeeting(null, meetingFromUrl('https://meet.google.com/abc-defg-hij'))).toBe(false);
    expect(sameMeeting(null, null)).toBe(true);
  });
});
