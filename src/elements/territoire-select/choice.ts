import { territoryKindLabel } from '../../core/territory/labels.js';
import type { Territory } from '../../core/territory/territory.js';
import type { TerritoryId, TerritoryKind } from '../../core/territory/territory-id.js';
import type { Lang } from '../../core/schema/text.js';
import { DEPARTEMENT_NAMES } from './departement-names.js';
import { selectMessages } from './messages.js';

/** A territory as the picker lists it: enough to name it and tell it apart from its namesakes. */
export interface TerritoryChoice {
  id: TerritoryId;
  kind: TerritoryKind;
  name: string;
  /** INSEE code, SIREN, département or région code. */
  code: string;
  /** The département a commune or an EPCI's seat lies in. */
  departementCode?: string;
}

/** A referential territory as a choice; its département is read from its parents. */
export function choiceOfTerritory(territory: Territory): TerritoryChoice {
  const { id, kind, name, code } = territory;
  const departement = territory.parentIds.find((parent) => parent.startsWith('departement:'));
  const departementCode = departement?.slice(departement.indexOf(':') + 1);
  return kind === 'commune' || kind === 'epci'
    ? { id, kind, name, code, ...(departementCode !== undefined && { departementCode }) }
    : { id, kind, name, code };
}

/** A kind in running text: "commune", "intercommunalité", "municipality". */
function kindInText(lang: Lang, kind: TerritoryKind): string {
  const label = territoryKindLabel(lang, kind);
  // "France" stays capitalised: it is a name, not a common noun.
  return kind === 'france' ? label : label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

/**
 * What tells a choice apart from its namesakes, after its name: "commune, Ille-et-Vilaine (35)",
 * "département (35)", "région"; empty for France, whose name says it all.
 */
export function choiceDetails(lang: Lang, choice: TerritoryChoice): string {
  if (choice.kind === 'france') return '';
  const kind = kindInText(lang, choice.kind);
  if (choice.kind === 'departement') return selectMessages(lang, 'withCode', { kind, code: choice.code });
  const code = choice.departementCode;
  const departement = code === undefined ? undefined : DEPARTEMENT_NAMES[code];
  if (code !== undefined && departement !== undefined) return selectMessages(lang, 'withDepartement', { kind, departement, code });
  return kind;
}

/** The whole description, as a screen reader hears an option: "Rennes — commune, Ille-et-Vilaine (35)". */
export function describeChoice(lang: Lang, choice: TerritoryChoice): string {
  const details = choiceDetails(lang, choice);
  return details === '' ? choice.name : selectMessages(lang, 'description', { name: choice.name, details });
}
