// The words the surfaces use for the same things, defined once: call types, agenda leads, meeting platforms, debrief
// states.
import type { AgendaLead, CallType } from '../domain/plan';
import type { MeetingPlatform } from '../domain/meeting-url';

export const CALL_TYPE_NAMES: Record<CallType, string> = {
  discovery: 'Discovery',
  advance: 'Advance',
  close: 'Close',
};

/** Who leads an agenda item, as the in-call surfaces say it beside the item: "(rep leads, 10:00)". */
export const LEAD_NAMES: Record<AgendaLead, string> = {
  rep: 'rep leads',
  manager: 'manager leads',
  customer: 'customer',
};

export const PLATFORM_NAMES: Record<MeetingPlatform, string> = {
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  companion: 'Companion window',
  tab: 'A browser tab',
};

/** A debrief's state in a sentence's middle ("not started"); `capitalized` for a heading of its own. */
export function debriefStatusText(status: 'not-started' | 'in-progress' | 'complete', capitalized = false): string {
  const text = { 'not-started': 'not started', 'in-progress': 'in progress', complete: '✓ complete' }[status];
  return capitalized ? text.replace(/[a-z]/, (first) => first.toUpperCase()) : text;
}
