// Call-type templates. The call type sets how deep the plan goes: a first call is for finding facts, so its agenda is
// short and question-heavy; a proposal call walks through the proposal and handles concerns; a closing call ends
// with the ask. The rep opens every call and makes the final ask; the manager's part is named on each item.
import {
  PLAN_SCHEMA_VERSION,
  PlanSchema,
  type AgendaItem,
  type AgendaLead,
  type CallType,
  type ManagerPart,
  type Plan,
} from './plan';
import * as v from 'valibot';

export const CALL_TYPE_LABELS: Record<CallType, string> = {
  discovery: 'Discovery (first call, finding facts)',
  advance: 'Advance (proposal or next stage)',
  close: 'Close (ask for the order)',
};

/** The open questions the coaching articles ask about after every call, worded for the checklist. */
const CORE_QUESTIONS = {
  urgency: 'Why now? What makes this urgent for them?',
  whyBuy: 'Why would they buy at all?',
  costOfNothing: 'What happens if they do nothing?',
  decision: 'How will they decide, who decides, and by when?',
  competition: 'How do they see the competition, including doing it themselves?',
};

type ItemTemplate = [title: string, minutes: number, lead: AgendaLead, managerCue: string];

interface Template {
  durationMinutes: number;
  agenda: ItemTemplate[];
  managerParts: ManagerPart[];
  questions: string[];
  commitmentKind: Plan['commitment']['kind'];
}

const TEMPLATES: Record<CallType, Template> = {
  discovery: {
    durationMinutes: 30,
    agenda: [
      ['Open, introductions, agree the agenda', 5, 'rep', 'Set a warm climate, then hand straight back to the rep.'],
      ['Their situation and goals', 10, 'rep', 'Stay quiet and listen for buying signals.'],
      [
        'Urgency, decision process, alternatives',
        8,
        'manager',
        'Ask the one or two questions you agreed with the rep.',
      ],
      ['Their questions for us', 5, 'customer', 'Answer only when the rep hands a question to you.'],
      ['Agree the next step', 2, 'rep', 'Stay quiet: the rep asks for the next step.'],
    ],
    managerParts: ['climate', 'questions'],
    questions: [
      CORE_QUESTIONS.urgency,
      CORE_QUESTIONS.whyBuy,
      CORE_QUESTIONS.costOfNothing,
      CORE_QUESTIONS.decision,
      CORE_QUESTIONS.competition,
    ],
    commitmentKind: 'next-step',
  },
  advance: {
    durationMinutes: 45,
    agenda: [
      ['Open, introductions, agree the agenda', 5, 'rep', 'Set a warm climate, then hand back to the rep.'],
      ['Recap what we heard last time', 5, 'rep', 'Stay quiet, observe.'],
      ['Walk through the proposal', 15, 'rep', 'Share the customer story the rep asked for, when handed over.'],
      ['Their questions and concerns', 10, 'manager', 'Help handle objections, then hand back to the rep.'],
      ['Anything else they need from us', 5, 'customer', 'Listen; note what they ask for.'],
      ['Agree the next step', 5, 'rep', 'Stay quiet: the rep asks for the next step.'],
    ],
    managerParts: ['present', 'objections'],
    questions: [
      CORE_QUESTIONS.decision,
      CORE_QUESTIONS.urgency,
      CORE_QUESTIONS.costOfNothing,
      CORE_QUESTIONS.competition,
    ],
    commitmentKind: 'next-step',
  },
  close: {
    durationMinutes: 30,
    agenda: [
      ['Open and agree the agenda', 3, 'rep', 'Set the climate; keep it short.'],
      ['Confirm their criteria are met', 7, 'rep', 'Stay quiet, observe.'],
      ['Last concerns', 8, 'manager', 'Handle objections only if the rep hands them to you.'],
      ['Terms, timeline, who signs', 7, 'rep', 'Be ready to confirm terms you are allowed to confirm.'],
      ['Ask for the order', 5, 'rep', 'Stay silent after the ask. Let the customer answer.'],
    ],
    managerParts: ['objections'],
    questions: [
      CORE_QUESTIONS.decision,
      'Who signs, and what paperwork or approvals are needed?',
      CORE_QUESTIONS.costOfNothing,
    ],
    commitmentKind: 'order',
  },
};

export interface NewPlanContext {
  id: string;
  now: number;
  /** A fresh id per call: crypto.randomUUID in the extension, a counter in tests. */
  newId: () => string;
}

/** A new plan pre-filled from its call type's template, starting at the next half hour. */
export function planFromTemplate(callType: CallType, context: NewPlanContext): Plan {
  const template = TEMPLATES[callType];
  const nextHalfHour = Math.ceil(context.now / (30 * 60_000)) * 30 * 60_000;
  const agenda: AgendaItem[] = template.agenda.map(([title, minutes, lead, managerCue]) => ({
    id: context.newId(),
    title,
    minutes,
    lead,
    managerCue,
  }));
  return v.parse(PlanSchema, {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: context.id,
    callType,
    title: '',
    account: '',
    attendees: [],
    scheduledStart: nextHalfHour,
    durationMinutes: template.durationMinutes,
    meetingLink: '',
    meetingKey: null,
    repName: '',
    managerName: '',
    objective: '',
    customerObjective: '',
    commitment: { kind: template.commitmentKind, text: '' },
    agenda,
    managerParts: [...template.managerParts],
    managerNote: '',
    doNotRaise: [],
    stepInWhen: '',
    stepInSignal: '',
    stakes: 'normal',
    questions: template.questions.map((question) => ({ id: context.newId(), text: question })),
    reviewedTogetherAt: null,
    agendaSentAt: null,
    createdAt: context.now,
    updatedAt: context.now,
    revision: 1,
  });
}

/**
 * A ready-made proposal call for people trying Ridealong, scheduled to start now, with every section filled in so
 * the overlay and the editor have something to show.
 */
export function samplePlan(context: NewPlanContext): Plan {
  const plan = planFromTemplate('advance', context);
  return {
    ...plan,
    title: 'Acme Logistics: proposal review',
    account: 'Acme Logistics',
    attendees: [
      { id: context.newId(), name: 'Priya Shah', role: 'VP Operations' },
      { id: context.newId(), name: 'Tom Becker', role: 'IT lead' },
    ],
    scheduledStart: Math.floor(context.now / 60_000) * 60_000,
    repName: 'Sam Ortiz',
    managerName: 'Dana Whitfield',
    objective: 'Agree a two-site pilot and who signs it off.',
    customerObjective: 'See whether the proposal cuts their dispatch time before peak season.',
    commitment: { kind: 'next-step', text: 'Priya books the pilot kickoff with Tom by Friday.' },
    managerNote: 'Tell the Northwind rollout story when Sam asks.',
    doNotRaise: ['The add-on analytics module', 'Price changes next year'],
    stepInWhen: 'Only if the call stalls on integration questions.',
    stepInSignal: 'Sam says: “Dana, what’s your view?”',
  };
}
