// The element reference, built from custom-elements.json (the manifest the analyzer generates from
// the elements' JSDoc). Everything read from the manifest is written with textContent, never as HTML.

/** A live example per tag: the attributes shown, and whether it needs a provider around it. */
const EXAMPLES = {
  'barometre-provider': { attributes: { api: '/api/v1', territoire: 'departement:33' }, child: '<barometre-indicateur theme="communication" question="site_internet" code="oui"></barometre-indicateur>' },
  'barometre-questionnaire': { attributes: { api: '/api/v1', theme: 'communication' } },
  'barometre-territoire-chart': { attributes: { api: '/api/v1', territoire: 'departement:33', theme: 'cybersecurite', question: 'rssi', comparer: 'region france' } },
  'barometre-indicateur': { attributes: { api: '/api/v1', territoire: 'departement:33', theme: 'inclusion', question: 'lieu_mediation', code: 'oui' } },
  'barometre-carte': { attributes: { api: '/api/v1', theme: 'inclusion', question: 'lieu_mediation', code: 'oui', niveau: 'region' } },
  'barometre-territoire-select': { attributes: { api: '/api/v1' } },
  'barometre-evolution': { attributes: { api: '/api/v1', territoire: 'departement:33', theme: 'cybersecurite', question: 'rssi', code: 'mutualise', comparer: 'region france' } },
};

/**
 * What each element is for, in French: the manifest's words come from the code's documentation,
 * which is in English. An element missing here shows the manifest's summary, marked as English.
 */
const SUMMARIES_FR = {
  'barometre-provider': 'Partage l’adresse de l’API, le territoire, la langue et la pondération avec tous les éléments qu’il contient.',
  'barometre-questionnaire':
    'Un questionnaire thématique, de l’identification par SIRET jusqu’au code de modification : brouillon conservé sur l’appareil, envoi différé quand le réseau manque.',
  'barometre-territoire-chart':
    'Une question pour un territoire, comparé à son département, à sa région, à la France ou aux collectivités semblables : graphique, tableau, téléchargements CSV et PNG.',
  'barometre-indicateur': 'Un chiffre clé (« 26 % ± 7 pts ») avec sa marge d’erreur, sa comparaison, le nombre de répondants et la base.',
  'barometre-carte':
    'La France par département ou par région, colorée selon la part d’une réponse, outre-mer compris, chaque territoire atteignable au clavier.',
  'barometre-territoire-select':
    'Une liste de choix accessible qui trouve une commune, une intercommunalité, un département ou une région par son nom ou son code.',
  'barometre-evolution':
    'La part d’une réponse d’une édition à l’autre, pour un territoire face à sa région, à la France ou aux collectivités semblables : lignes, série interrompue quand la question a changé, tableau, téléchargements CSV et PNG.',
  'barometre-synthese':
    'La synthèse d’un territoire : les chiffres clés des neuf thèmes face à sa région et à la France, la participation et la date de publication.',
};

/**
 * A description of the manifest (English, with `code` in backticks and {@link Name} references)
 * as nodes: code in <code>, the rest as text — never parsed as HTML.
 */
function prose(text) {
  const nodes = [];
  const pattern = /`([^`]+)`|\{@link\s+([^}\s]+)[^}]*\}/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(el('code', match[1] ?? match[2]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** A cell or paragraph holding an English description of the manifest. */
function english(tag, text) {
  const node = el(tag, undefined, { lang: 'en' });
  node.append(...prose(text));
  return node;
}

const el = (tag, text, attributes = {}) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

function table(caption, headers, rows) {
  const result = el('table');
  result.append(el('caption', caption));
  const head = el('tr');
  for (const header of headers) head.append(el('th', header, { scope: 'col' }));
  result.append(el('thead'));
  result.tHead.append(head);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    // The last column is the manifest's description, in English.
    row.forEach((cell, index) =>
      tr.append(index === 0 ? el('th', cell, { scope: 'row' }) : index === row.length - 1 ? english('td', cell) : el('td', cell)),
    );
    body.append(tr);
  }
  result.append(body);
  return result;
}

function snippet(tag, example) {
  const attributes = Object.entries(example.attributes).map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<script type="module" src="/cdn/barometre-widgets.js"></script>\n<${tag}${attributes}>${example.child ? `\n  ${example.child}\n` : ''}</${tag}>`;
}

function liveExample(tag, example) {
  const live = el(tag, undefined, example.attributes);
  if (example.child) {
    const template = document.createElement('template');
    template.innerHTML = example.child; // a constant of this page, not data from the manifest
    live.append(template.content);
  }
  return live;
}

function section(declaration) {
  const tag = declaration.tagName;
  const example = EXAMPLES[tag] ?? { attributes: {} };
  const result = el('section', undefined, { class: 'card', id: tag, 'aria-labelledby': `${tag}-title` });
  result.append(el('h2', `<${tag}>`, { id: `${tag}-title` }));
  const summary = SUMMARIES_FR[tag];
  if (summary) result.append(el('p', summary));
  else if (declaration.summary || declaration.description) result.append(english('p', declaration.summary ?? declaration.description));

  const code = el('pre');
  code.append(el('code', snippet(tag, example)));
  const copy = el('button', 'Copier le code', { type: 'button' });
  const copied = el('span', '', { role: 'status' });
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(code.textContent);
    copied.textContent = ' Code copié.';
  });
  result.append(el('h3', 'Exemple'), liveExample(tag, example), el('h3', 'Code'), code, copy, copied);

  const attributes = declaration.attributes ?? [];
  if (attributes.length) {
    result.append(table('Attributs', ['Attribut', 'Type', 'Description'], attributes.map((a) => [a.name, a.type?.text ?? '', a.description ?? ''])));
  }
  const properties = (declaration.members ?? []).filter((m) => m.kind === 'field' && m.privacy === undefined && !m.static);
  if (properties.length) {
    result.append(table('Propriétés', ['Propriété', 'Type', 'Description'], properties.map((p) => [p.name, p.type?.text ?? '', p.description ?? ''])));
  }
  const events = declaration.events ?? [];
  if (events.length) result.append(table('Événements', ['Événement', 'Description'], events.map((e) => [e.name, e.description ?? ''])));
  const cssProperties = declaration.cssProperties ?? [];
  if (cssProperties.length) {
    result.append(table('Propriétés CSS', ['Propriété', 'Description'], cssProperties.map((p) => [p.name, p.description ?? ''])));
  }
  const parts = declaration.cssParts ?? [];
  if (parts.length) result.append(table('Parties (::part)', ['Partie', 'Description'], parts.map((p) => [p.name, p.description ?? ''])));
  return result;
}

async function main() {
  const status = document.getElementById('reference-status');
  const response = await fetch('/cdn/custom-elements.json');
  if (!response.ok) {
    status.textContent = 'La référence des éléments est introuvable.';
    return;
  }
  const manifest = await response.json();
  const declarations = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const toc = el('ul');
  for (const declaration of declarations) {
    const item = el('li');
    item.append(el('a', `<${declaration.tagName}>`, { href: `#${declaration.tagName}` }));
    toc.append(item);
  }
  document.getElementById('toc').append(toc);
  status.textContent = `${declarations.length} éléments.`;
  document.getElementById('reference').append(...declarations.map(section));
}

main();
