// fast-check generators for plans the schema accepts, shared by the property tests.
import fc from 'fast-check';
import {
  AGENDA_LEADS,
  CALL_TYPES,
  COMMITMENT_KINDS,
  MANAGER_PARTS,
  PLAN_SCHEMA_VERSION,
  STAKES,
  type AgendaItem,
  type Plan,
} from '../../src/domain/plan';
import { MAX_EPOCH_MS, MIN_EPOCH_MS } from '../../src/domain/schema-parts';

export const anyText = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });
const id = fc.uuid();
const epoch = fc.integer({ min: MIN_EPOCH_MS, max: MAX_EPOCH_MS });

const item = (lead: fc.Arbitrary<AgendaItem['lead']>, text: (max: number) => fc.Arbitrary<string>) =>
  fc.record({ id, title: anyText(200), minutes: fc.integer({ min: 1, max: 240 }), lead, managerCue: text(300) });

/**
 * Any valid plan. `internal` generates the text of the fields the customer must never see (cues, guardrails,
 * our objective…), so a test can mark them; by default it is any text.
 */
export function validPlan(internal: (maxLength: number) => fc.Arbitrary<string> = anyText): fc.Arbitrary<Plan> {
  const rep = fc.constant('rep' as const);
  return fc
    .record({
      id,
      callType: fc.constantFrom(...CALL_TYPES),
      title: anyText(200),
      account: anyText(200),
      attendees: fc.array(fc.record({ id, name: anyText(100), role: internal(100) }), { maxLength: 4 }),
      scheduledStart: epoch,
      durationMinutes: fc.integer({ min: 5, max: 480 }),
      link: fc.constantFrom<{ meetingLink: string; meetingKey: string | null }>(
        { meetingLink: '', meetingKey: null },
        { meetingLink: 'https://meet.google.com/abc-defg-hij', meetingKey: 'meet:abc-defg-hij' },
        { meetingLink: 'https://zoom.us/wc/join/83456789012', meetingKey: 'zoom:83456789012' },
      ),
      repName: anyText(100),
      managerName: anyText(100),
      objective: internal(500),
      customerObjective: anyText(500),
      commitment: fc.record({ kind: fc.constantFrom(...COMMITMENT_KINDS), text: internal(500) }),
      first: item(rep, internal),
      middle: fc.array(item(fc.constantFrom(...AGENDA_LEADS), internal), { maxLength: 5 }),
      last: item(rep, internal),
      managerParts: fc.subarray([...MANAGER_PARTS]),
      managerNote: internal(500),
      doNotRaise: fc.array(internal(200), { maxLength: 4 }),
      stepInWhen: internal(300),
      stepInSignal: internal(200),
      stakes: fc.constantFrom(...STAKES),
      questions: fc.array(fc.record({ id, text: internal(300) }), { maxLength: 5 }),
      reviewedTogetherAt: fc.option(epoch),
      agendaSentAt: fc.option(epoch),
      createdAt: epoch,
      updatedAt: epoch,
      revision: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map(({ link, first, middle, last, ...rest }) => ({
      schemaVersion: PLAN_SCHEMA_VERSION,
      ...rest,
      ...link,
      agenda: [first, ...middle, last],
    }));
}
