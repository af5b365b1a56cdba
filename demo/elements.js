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
};

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
    row.forEach((cell, index) => tr.append(index === 0 ? el('th', cell, { scope: 'row' }) : el('td', cell)));
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
  if (declaration.summary || declaration.description) result.append(el('p', declaration.summary ?? declaration.description));

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
