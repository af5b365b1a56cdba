/**
 * Ids of the elements inside the shadow root. Question ids are machine ids (`[a-z][a-z0-9_]*`),
 * so the `q-` prefix keeps them apart from the identification fields' `f-` ids, and an
 * "other, specify" key (`<id>.autre`) gives an id of its own.
 */

/** The id of the field (input, or fieldset for choices) of an answer key. */
export const fieldId = (key: string) => `q-${key}`;

/** The id of one option's input. */
export const optionId = (questionId: string, code: string) => `q-${questionId}--${code}`;

export const helpId = (key: string) => `${fieldId(key)}-help`;
export const errorId = (key: string) => `${fieldId(key)}-error`;
export const extraId = (key: string) => `${fieldId(key)}-extra`;
export const noteId = (key: string) => `${fieldId(key)}-note`;

/** Ids of the identification step's fields. */
export const SIRET_FIELD = 'f-siret';
export const ROLE_FIELD = 'f-role';
export const EDIT_CODE_FIELD = 'f-edit-code';

/**
 * Focuses a field by id: a text input itself, or in a group of choices the checked one (the
 * one a keyboard user lands on), else the first. Returns whether something took focus.
 */
export function focusField(root: ParentNode & { getElementById?(id: string): HTMLElement | null }, id: string): boolean {
  const field = root.getElementById ? root.getElementById(id) : root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
  if (!field) return false;
  const target =
    field instanceof HTMLFieldSetElement
      ? (field.querySelector<HTMLInputElement>('input:checked') ?? field.querySelector<HTMLInputElement>('input'))
      : field;
  target?.focus();
  return target !== null;
}
