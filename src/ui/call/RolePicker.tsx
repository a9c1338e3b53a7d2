import type { Role } from '../../domain/call';

/** "On this call I am the rep / the manager", before a call starts: the HUD's plan chooser and the companion window. */
export function RolePicker({ role, onRole }: { role: Role; onRole: (role: Role) => void }) {
  return (
    <fieldset class="role">
      <legend>On this call I am</legend>
      {(['rep', 'manager'] as const).map((option) => (
        <label key={option}>
          <input type="radio" name="role" value={option} checked={role === option} onChange={() => onRole(option)} />
          {option === 'rep' ? 'the rep' : 'the manager'}
        </label>
      ))}
    </fieldset>
  );
}
