/**
 * The fields each step showed when the respondent last tried to leave it. Trying to leave a step
 * shows the problems of what was on screen then; a question that an answer reveals afterwards
 * (a follow-up, an "other, specify" text) was never seen, and waits to be dealt with — or for the
 * next try — before it is flagged. Replaced on each try, never changed in place. (Which fields a
 * section shows is `fields-on-screen.ts`, with the views: this file stays free of the engine.)
 */
export type AttemptedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** The fields of a step tried now, in place of those of an earlier try. */
export function triedWith(attempted: AttemptedFields, step: string, keys: ReadonlySet<string>): AttemptedFields {
  return new Map([...attempted, [step, keys]]);
}

/** Whether a field was on screen when its step was last tried. */
export function wasShownAtTry(attempted: AttemptedFields, step: string, key: string): boolean {
  return attempted.get(step)?.has(key) ?? false;
}
