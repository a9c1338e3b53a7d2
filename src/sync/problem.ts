// Every way team sync can fail, as one kind and plain words the settings page can show as they are.

export type SyncProblemKind =
  /** The server URL or database name can't be used (not https, a path with a query, a name CouchDB refuses). */
  | 'bad-settings'
  | 'unreachable'
  | 'wrong-password'
  | 'no-database'
  /** Logged in, but not a member of the database (its _security), or the server refuses this request. */
  | 'no-access'
  | 'wrong-passphrase'
  | 'server-error';

export class SyncProblem extends Error {
  constructor(
    readonly kind: SyncProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncProblem';
  }
}

export const WRONG_PASSPHRASE_MESSAGE = 'This passphrase doesn’t match your team’s data.';
