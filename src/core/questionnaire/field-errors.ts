/**
 * The one rule for when a field shows its problems. A problem shows once the respondent has
 * dealt with the field: changed it and left it (a typed field), or made a complete gesture in it
 * (a choice); or once they tried to leave its step; or when the server refused its answer.
 * Merely passing through a field shows nothing, nor does a field restored from a draft.
 *
 * The state is kept as data, replaced on each change (never mutated), so that a host can keep it
 * as one reactive value.
 */
export interface FieldInteraction {
  /** Fields changed by the respondent since they were loaded. */
  readonly changed: ReadonlySet<string>;
  /** Fields whose problems show from now on. */
  readonly touched: ReadonlySet<string>;
  /** Steps the respondent tried to leave forward (or to send from). */
  readonly attempted: ReadonlySet<string>;
}

/** Nothing done yet: a new form, or one restored from a draft. */
export function freshInteraction(): FieldInteraction {
  return { changed: new Set(), touched: new Set(), attempted: new Set() };
}

function adding(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  return set.has(key) ? set : new Set([...set, key]);
}

/**
 * The respondent changed a field. `complete` says the gesture needs nothing more (a choice
 * clicked), so its problems may show at once; a typed field waits for {@link leftField}.
 */
export function changedField(state: FieldInteraction, key: string, complete = false): FieldInteraction {
  const changed = adding(state.changed, key);
  const touched = complete ? adding(state.touched, key) : state.touched;
  return changed === state.changed && touched === state.touched ? state : { ...state, changed, touched };
}

/** Focus left a field: its problems show from now on if it was changed. The same state when nothing changes. */
export function leftField(state: FieldInteraction, key: string): FieldInteraction {
  if (!state.changed.has(key) || state.touched.has(key)) return state;
  return { ...state, touched: adding(state.touched, key) };
}

/** The respondent tried to leave a step forward: all its problems show. */
export function attemptedStep(state: FieldInteraction, step: string): FieldInteraction {
  const attempted = adding(state.attempted, step);
  return attempted === state.attempted ? state : { ...state, attempted };
}

/** Whether the respondent tried to leave a step. */
export function wasAttempted(state: FieldInteraction, step: string): boolean {
  return state.attempted.has(step);
}

/** Whether the problems of a field on a step show now. */
export function showsErrors(
  state: FieldInteraction,
  step: string,
  key: string,
  refused: Readonly<Record<string, readonly string[]>>,
): boolean {
  return state.attempted.has(step) || state.touched.has(key) || refused[key] !== undefined;
}
