// Calls, notes and debriefs put on a device without running a meeting: built with the domain's own functions and
// restored through the Backup page, as a person restoring a backup would. Tests of the debrief pages use this, so
// they don't depend on the overlay.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { backupOf, backupText } from '../../src/domain/backup';
import { endCall, moveToItem, startCall, tickQuestion, type Call, type Role } from '../../src/domain/call';
import { emptyDebrief, type Debrief } from '../../src/domain/debrief';
import { createNote, DEFAULT_NOTE_TAGS, type Note } from '../../src/domain/note';
import { notesPackage } from '../../src/domain/notes-package';
import { PlanSchema, type Plan } from '../../src/domain/plan';
import { extensionUrl, type ExtensionBrowser } from './extension-fixture';
import { DebriefPage } from './pages/debrief.mjs';

const MINUTE = 60_000;
const tag = (label: string) => DEFAULT_NOTE_TAGS.find((candidate) => candidate.label === label)!;

export const SEEDED_TITLE = 'Hooli: pilot review';

/** A plan as the editor would store it: three items, a question, guardrails; it started two days ago. */
export function seededPlan(now: number): Plan {
  const start = now - 2 * 24 * 60 * MINUTE;
  return v.parse(PlanSchema, {
    schemaVersion: 1,
    id: 'seeded-plan',
    callType: 'advance',
    title: SEEDED_TITLE,
    account: 'Hooli',
    attendees: [{ id: 'att-1', name: 'Gavin Belson', role: 'CEO' }],
    scheduledStart: start,
    durationMinutes: 30,
    meetingLink: 'https://meet.google.com/see-dedp-lan',
    meetingKey: 'meet:see-dedp-lan',
    repName: 'Sam',
    managerName: 'Dana',
    objective: 'Agree the pilot scope',
    customerObjective: 'Fewer empty runs by Q3',
    commitment: { kind: 'next-step', text: 'Gavin books the kickoff by Friday' },
    agenda: [
      { id: 'a', title: 'Open', minutes: 5, lead: 'rep', managerCue: 'Warm up' },
      { id: 'b', title: 'Proposal', minutes: 15, lead: 'manager', managerCue: 'Tell the Northwind story' },
      { id: 'c', title: 'Next step', minutes: 5, lead: 'rep', managerCue: 'Stay quiet' },
    ],
    managerParts: ['present'],
    managerNote: '',
    doNotRaise: ['Price rise'],
    stepInWhen: 'If integration questions stall',
    stepInSignal: 'Sam asks “Dana, your view?”',
    stakes: 'normal',
    questions: [
      { id: 'q-1', text: 'Why now?' },
      { id: 'q-2', text: 'Who else decides?' },
    ],
    reviewedTogetherAt: null,
    agendaSentAt: null,
    createdAt: start - 60 * MINUTE,
    updatedAt: start - 60 * MINUTE,
    revision: 1,
  });
}

/** The call as one device recorded it: the rep ran the agenda (over time in the proposal) and ended the call. */
export function seededCall(plan: Plan, role: Role, id: string): Call {
  const start = plan.scheduledStart;
  let call = startCall(plan, role, { platform: 'meet', code: 'see-dedp-lan' }, start, id);
  call = moveToItem(call, 1, 'rep', start + 6 * MINUTE);
  call = tickQuestion(call, 'q-1', true, start + 9 * MINUTE);
  call = moveToItem(call, 2, 'rep', start + 24 * MINUTE);
  return endCall(call, start + 31 * MINUTE);
}

export function seededNote(call: Call, author: Role, minute: number, text: string, label: string | null): Note {
  return createNote(
    call,
    { tag: label ? tag(label) : null, text, author },
    call.startedAt + minute * MINUTE,
    `${call.id}-${author}-${minute}`,
  );
}

/** Writes `text` to a new file in the temp folder and returns its path. */
function tempFile(name: string, text: string): string {
  const path = join(tmpdir(), `ridealong-${process.pid}-${Date.now()}-${name}`);
  writeFileSync(path, text);
  return path;
}

/** Restores records onto the device through the Backup page (merge), and waits until they are stored. */
export async function restoreRecords(
  browser: ExtensionBrowser,
  records: { plans: Plan[]; calls: Call[]; notes: Note[]; debriefs: Debrief[] },
): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html#backup'));
  await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
  const path = tempFile('seed.ridealong-backup.json', backupText(backupOf(records, Date.now())));
  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByRole('button', { name: 'Merge this backup' }).click();
  await page.getByRole('status').filter({ hasText: 'Merged the backup' }).waitFor();
  await page.close();
}

/** The seeded plan, scheduled for now, alone on the device: a call about to start ("Scheduled around now"). */
export async function seedPlanForNow(browser: ExtensionBrowser, now = Date.now()): Promise<Plan> {
  const plan = { ...seededPlan(now), scheduledStart: now };
  await restoreRecords(browser, { plans: [plan], calls: [], notes: [], debriefs: [] });
  return plan;
}

/**
 * The rep's device after the call: the rep's own record of it with two notes, and no debrief yet. Returns the
 * plan and the call, to build the manager's side of the same call from.
 */
export async function seedRepDevice(browser: ExtensionBrowser, now = Date.now()): Promise<{ plan: Plan; call: Call }> {
  const plan = seededPlan(now);
  const call = seededCall(plan, 'rep', 'seeded-rep-call');
  await restoreRecords(browser, {
    plans: [plan],
    calls: [call],
    notes: [
      seededNote(call, 'rep', 3, 'customer mentioned a Q3 deadline', null),
      seededNote(call, 'rep', 12, 'they asked for the integration list', 'Great question'),
    ],
    debriefs: [],
  });
  return { plan, call };
}

/**
 * The manager's notes package for the same call, as "Export my notes" on the manager's device writes it: the
 * manager's record started a minute after the rep's, two manager notes, and `debrief` (none by default).
 */
export function managerPackageFile(plan: Plan, debrief: Debrief | null = null): string {
  const call = seededCall(plan, 'manager', 'seeded-manager-call');
  const managerCall = { ...call, startedAt: call.startedAt + MINUTE };
  const notes = [
    seededNote(managerCall, 'manager', 8, 'missed the budget hint', 'Missed buying signal'),
    seededNote(managerCall, 'manager', 16, 'long feature tour', 'Features without benefits (data dump)'),
  ];
  const pkg = notesPackage(managerCall, notes, debrief && { ...debrief, callId: managerCall.id }, Date.now());
  return tempFile('notes-manager.json', JSON.stringify(pkg));
}

/**
 * A device with history to show on every debrief page: the seeded call with both authors' notes and a complete
 * debrief, an earlier call of the same rep (so the trends have months and tags), and a later one not debriefed yet.
 */
export async function seedDebriefHistory(
  browser: ExtensionBrowser,
  now = Date.now(),
): Promise<{ call: Call; fresh: Call }> {
  const plan = seededPlan(now);
  const call = seededCall(plan, 'rep', 'seeded-rep-call');
  const earlierPlan = { ...plan, id: 'seeded-earlier-plan', title: 'Hooli: discovery', callType: 'discovery' as const };
  const earlier = seededCall(
    { ...earlierPlan, scheduledStart: plan.scheduledStart - 40 * 24 * 60 * MINUTE },
    'rep',
    'seeded-earlier-call',
  );
  const debrief = (forCall: Call): Debrief => ({
    ...emptyDebrief(forCall.id, 'next-step', forCall.endedAt!),
    selfAssessment: { feel: 'Good start, lost the thread on pricing', wentWell: '', doDifferently: '', skipped: false },
    outcome: {
      objectiveMet: 'partly',
      commitmentKind: 'next-step',
      commitmentSecured: 'Pilot review on Friday',
      customerObjectiveAddressed: 'yes',
    },
    coaching: {
      wentWell: ['Clear opening'],
      doDifferently: ['Ask about budget before pricing'],
      nextCallCommitment: 'Ask about budget first',
    },
  });
  // A later call of the same plan, not debriefed yet: the debrief page in its first state.
  const fresh = seededCall(
    { ...plan, scheduledStart: plan.scheduledStart + 24 * 60 * MINUTE },
    'rep',
    'seeded-fresh-call',
  );
  await restoreRecords(browser, {
    plans: [earlierPlan, plan],
    calls: [earlier, call, fresh],
    notes: [
      seededNote(earlier, 'manager', 4, 'long feature tour', 'Features without benefits (data dump)'),
      seededNote(call, 'rep', 3, 'customer mentioned a Q3 deadline', null),
      seededNote(fresh, 'rep', 5, 'they want a pilot in one depot', null),
      seededNote(call, 'manager', 8, 'missed the budget hint', 'Missed buying signal'),
      seededNote(call, 'manager', 16, 'long feature tour', 'Features without benefits (data dump)'),
      seededNote(call, 'manager', 20, 'stepped in on integration', 'I stepped in'),
      seededNote(call, 'manager', 22, 'raised the price rise', 'Guardrail crossed'),
    ],
    debriefs: [debrief(earlier), debrief(call)],
  });
  return { call, fresh };
}

/** Opens the debrief of a call from the call history, as a person would. */
export async function openCallDebrief(browser: ExtensionBrowser, title = SEEDED_TITLE): Promise<Page> {
  return (await DebriefPage.openCall(browser, title)).page;
}
