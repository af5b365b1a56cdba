import { createCatalog } from '../../core/i18n/catalog.js';

/**
 * Words of `<barometre-territoire-select>`, in French and English. Guillemets hold their
 * quotation with no-break spaces (U+00A0), so a line never breaks just inside them.
 */
export const selectMessages = createCatalog({
  fr: {
    label: 'Choisir un territoire',
    hint: 'Tapez au moins 2 caractères du nom ou du code, puis choisissez dans la liste.',
    searching: 'Recherche en cours…',
    results: (p) => (Number(p.count) > 1 ? `${p.count} résultats disponibles.` : '1 résultat disponible.'),
    noResults: 'Aucun résultat pour «\u00a0{text}\u00a0».',
    error: 'La recherche n’a pas abouti\u00a0: {message}',
    referentialUnavailable: 'la liste des territoires n’a pas pu être chargée.',
    retry: 'Réessayer',
    chosen: 'Territoire choisi\u00a0: {description}.',
    withDepartement: '{kind}, {departement} ({code})',
    withCode: '{kind} ({code})',
    description: '{name} — {details}',
  },
  en: {
    label: 'Choose an area',
    hint: 'Type at least 2 characters of the name or code, then choose from the list.',
    searching: 'Searching…',
    results: (p) => (Number(p.count) > 1 ? `${p.count} results available.` : '1 result available.'),
    noResults: 'No results for “{text}”.',
    error: 'The search failed: {message}',
    referentialUnavailable: 'the list of areas could not be loaded.',
    retry: 'Retry',
    chosen: 'Selected: {description}.',
    withDepartement: '{kind}, {departement} ({code})',
    withCode: '{kind} ({code})',
    description: '{name} — {details}',
  },
});
