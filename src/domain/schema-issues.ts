// Schema problems in words, for refusals that say what is wrong: "longer than 200 characters", "it is missing".
// Shared by every importer that explains itself (plans, notes packages).
import type * as v from 'valibot';
import { shorten } from './text';

export type Issue = v.InferIssue<v.GenericSchema>;

/** What is wrong, in words: "longer than 200 characters", "it is missing". `kind` names what an object should be. */
export function problemOf(issue: Issue, lastKey: unknown, kind = 'a plan'): string {
  const limit = issue.requirement;
  // A bound that carries its own reason (see schema-parts.ts) says it; valibot's own messages start "Invalid …".
  if (issue.type !== 'check' && !issue.message.startsWith('Invalid ')) return lowerFirst(issue.message);
  switch (issue.type) {
    case 'check':
      return lowerFirst(issue.message.replace(/\.$/, ''));
    case 'max_length':
      return typeof issue.input === 'string' ? `longer than ${limit} characters` : `more than ${limit} entries`;
    case 'min_length':
      return typeof issue.input === 'string' ? 'empty' : lastKey === 'plans' ? 'there are no plans in it' : 'empty';
    case 'max_value':
      return `must be at most ${limit}`;
    case 'min_value':
      return `must be at least ${limit}`;
    case 'integer':
      return 'must be a whole number';
    case 'picklist':
    case 'literal':
      return `“${shorten(String(issue.input))}” is not a value Ridealong knows`;
    case 'strict_object':
      if (issue.expected === 'never') return `it has a field Ridealong doesn’t know, “${shorten(String(lastKey))}”`;
      if (issue.input === undefined) return 'it is missing';
      return `it is not ${kind}`;
    default:
      return issue.input === undefined ? 'it is missing' : 'it has the wrong kind of value';
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
