/**
 * Keyboard moves within the map. The territories form one list (the listbox pattern): arrows
 * step through it in its order — by département number, or by région name — and Home/End jump to
 * its ends. Moving by geography would be shorter for sighted users, but an order one can predict
 * without seeing the map serves everyone, and typing a name or a number jumps straight there.
 */

/** The index focus moves to for a navigation key, or `undefined` when the key is not one. */
export function indexForKey(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, current + 10);
    case 'PageUp':
      return Math.max(0, current - 10);
    default:
      return undefined;
  }
}

/** Lower case without accents, so "ile" finds "Île-de-France" and "cote" finds "Côte-d'Or". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Keys typed within this delay add to the same search. */
const TYPEAHEAD_MS = 800;

/**
 * Type-ahead: letters find a territory by the start of its name, digits by the start of its code
 * ("35" finds Ille-et-Vilaine, "2a" Corse-du-Sud). A repeated single letter cycles through the
 * territories starting with it, as in a native select.
 */
export class TypeAhead {
  private typed = '';
  private last = 0;

  /**
   * Adds a typed character and returns the index to move to, or `undefined` when nothing matches.
   * @param items the searchable name and code of each territory, in list order
   * @param current the index focus is on
   */
  find(character: string, items: readonly { name: string; code: string }[], current: number, now = Date.now()): number | undefined {
    const folded = foldForSearch(character);
    this.typed = now - this.last > TYPEAHEAD_MS ? folded : this.typed + folded;
    this.last = now;
    const query = this.typed;
    const cycling = query.length > 1 && [...query].every((one) => one === query[0]);
    const search = cycling ? query[0]! : query;
    const matches = (index: number) => {
      const item = items[index]!;
      return foldForSearch(item.name).startsWith(search) || item.code.toLowerCase().startsWith(search);
    };
    // A new single letter looks after the current item, so pressing it again moves on.
    const start = search.length === 1 ? current + 1 : current;
    for (let step = 0; step < items.length; step += 1) {
      const index = (start + step) % items.length;
      if (matches(index)) return index;
    }
    return undefined;
  }
}
