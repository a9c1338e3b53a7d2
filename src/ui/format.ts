// Display formatting shared by the surfaces. Locale-aware, so the user's browser decides the order of day and month.
import { isShowableTime } from '../domain/dates';

/** A date and time as the browser's locale writes it; "an unknown date" for a time no Date can show. */
export function formatDateTime(epochMs: number): string {
  if (!isShowableTime(epochMs)) return 'an unknown date';
  return new Date(epochMs).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
