/**
 * Waves open and close on calendar days of France's mainland time: a wave closing on 31 March
 * takes answers until midnight in Paris, whatever the server's own time zone.
 */

const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** How far Paris is ahead of UTC at an instant, in milliseconds. */
function parisOffset(instant: number): number {
  const parts = Object.fromEntries(parisClock.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a day starts in Paris. Clocks change at 01:00 UTC, after midnight in Paris both in
 * winter and summer, so the offset at UTC midnight of that day is the one of Paris's midnight.
 */
export function startOfParisDay(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - parisOffset(utcMidnight));
}

/** The instant the day after `day` starts in Paris: the end of `day`, excluded. */
export function endOfParisDay(day: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfParisDay(next);
}
