import { countOf } from '../domain/counts';
import type { SyncStatus, TeamSyncSettings } from '../platform/team-sync-settings';
import { formatDateTime } from '../ui/format';
import { useTeamSync } from './useTeamSync';

/**
 * Settings → Team sync: the team's own CouchDB, opt-in. The host permission for exactly the server's origin is asked
 * for in the click that needs it, and nothing else. The passphrase turns into the team key here and is not stored.
 */
export function TeamSyncSettings() {
  const sync = useTeamSync();
  const { settings, busy, message } = sync;
  if (!settings) return null;
  return (
    <section class="team-sync" aria-labelledby="team-sync-title">
      <h2 id="team-sync-title">Team sync</h2>
      {settings.on ? (
        <TeamSyncOn
          settings={settings}
          shared={sync.shared}
          status={sync.status}
          busy={busy}
          onSync={sync.syncNow}
          onOff={sync.turnOff}
        />
      ) : (
        <TeamSyncForm
          settings={settings}
          onSettings={sync.setSettings}
          passphrase={sync.passphrase}
          onPassphrase={sync.setPassphrase}
          busy={busy}
          onTest={sync.test}
          onTurnOn={sync.turnOn}
        />
      )}
      {busy && <p class="muted">Working…</p>}
      {message && (
        <p class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Team sync is on: where to, what is shared, how the last round went, Sync now and Turn off. */
function TeamSyncOn(props: {
  settings: TeamSyncSettings;
  shared: number | null;
  status: SyncStatus | null;
  busy: boolean;
  onSync: () => void;
  onOff: () => Promise<void>;
}) {
  const { settings, shared, status, busy } = props;
  return (
    <>
      <p>
        On, with <strong>{settings.database}</strong> at {settings.server}
        {settings.user ? ` as ${settings.user}` : ''}. The server holds only encrypted data.
      </p>
      {shared !== null && (
        <p class="muted">
          {countOf(shared, 'plan')} shared with your team, with their calls, notes and debriefs. Mark a plan with “Share
          with my team” in its editor.
        </p>
      )}
      <SyncStatusLine status={status} />
      <div class="form-actions">
        <button type="button" onClick={props.onSync} disabled={busy}>
          Sync now
        </button>
        <button type="button" onClick={() => void props.onOff()} disabled={busy}>
          Turn off team sync
        </button>
      </div>
    </>
  );
}

/** Team sync is off: where the team's server is, who this is, and the passphrase; Test connection and Turn on. */
function TeamSyncForm(props: {
  settings: TeamSyncSettings;
  onSettings: (settings: TeamSyncSettings) => void;
  passphrase: string;
  onPassphrase: (passphrase: string) => void;
  busy: boolean;
  onTest: () => void;
  onTurnOn: () => void;
}) {
  const { settings, busy } = props;
  const field = (name: 'server' | 'database' | 'user' | 'password') => ({
    value: settings[name],
    onInput: (event: { currentTarget: HTMLInputElement }) =>
      props.onSettings({ ...settings, [name]: event.currentTarget.value }),
  });
  return (
    <form
      class="plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onTurnOn();
      }}
    >
      <p class="muted">
        Share the plans you mark, with their calls, notes and debriefs, through your team’s own CouchDB. Encrypted on
        this device with the team passphrase: the server never sees the words. Off until you turn it on.
      </p>
      <label>
        Server address
        <input type="url" placeholder="https://couch.example.com" required {...field('server')} />
      </label>
      <label>
        Team database
        <input required {...field('database')} />
      </label>
      <label>
        User name
        <input autocomplete="username" {...field('user')} />
      </label>
      <label>
        Password
        <input type="password" autocomplete="current-password" {...field('password')} />
      </label>
      <label>
        Team passphrase
        <input
          type="password"
          autocomplete="off"
          required
          value={props.passphrase}
          onInput={(event) => props.onPassphrase(event.currentTarget.value)}
        />
      </label>
      <div class="form-actions">
        <button type="button" onClick={props.onTest} disabled={busy}>
          Test connection
        </button>
        <button type="submit" class="primary" disabled={busy}>
          Turn on team sync
        </button>
      </div>
    </form>
  );
}

/** How the last round went: when, what moved, and the server documents that were skipped, with why. */
function SyncStatusLine({ status }: { status: SyncStatus | null }) {
  if (!status) return <p class="muted">Not synced yet.</p>;
  return (
    // data-round: the round's own moment, so a round that says the same words as the last one is still told apart.
    <div
      class={`sync-status ${status.ok ? 'status' : 'error'}`}
      role={status.ok ? 'status' : 'alert'}
      data-round={status.at}
    >
      <p>
        {status.ok ? '✓' : '⚠'} {formatDateTime(status.at)}: {status.message}
      </p>
      {status.skipped.length > 0 && (
        <ul>
          {status.skipped.map((skip) => (
            <li key={skip.id}>
              {skip.id}: {skip.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
