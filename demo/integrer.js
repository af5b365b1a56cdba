// The configurator: the settings build a live element, and the element writes its own snippet
// (`embedSnippet()`, the code its "Intégrer" button shows), so that what is copied is exactly
// what the preview shows. Questions and answers come from the definitions this server serves.
const API = new URL('/api/v1', location.href).href;

const form = document.getElementById('settings');
const themeSelect = document.getElementById('theme');
const questionSelect = document.getElementById('question');
const codeSelect = document.getElementById('code');
const picker = document.getElementById('territoire');
const preview = document.getElementById('preview');
const snippetArea = document.getElementById('snippet');
const copyButton = document.getElementById('copy');
const copyStatus = document.getElementById('copy-status');
const notes = document.getElementById('a11y-notes');

/** The answers of a yes/no question, which definitions do not list. */
const YES_NO = [
  { code: 'oui', label: { fr: 'Oui', en: 'Yes' } },
  { code: 'non', label: { fr: 'Non', en: 'No' } },
  { code: 'nsp', label: { fr: 'Ne sait pas', en: 'Don’t know' } },
];

/** What each element gives by itself, said beside the code. */
const ACCESSIBILITY = {
  'barometre-territoire-chart': [
    'un tableau des valeurs (bouton «\u00a0Tableau\u00a0») avec la marge d’erreur de chaque chiffre, lu par les lecteurs d’écran même masqué\u00a0;',
    'un graphique nommé par une phrase qui dit ce qu’il compare\u00a0; chaque territoire garde sa couleur et une texture, jamais la couleur seule\u00a0;',
    'les chiffres non publiés dits en mots («\u00a0moins de 5 réponses\u00a0», «\u00a0masqué (secret statistique)\u00a0»), jamais dessinés comme des zéros\u00a0;',
    'tous les boutons au clavier, avec un contour de focus visible\u00a0; téléchargements CSV et PNG légendés\u00a0;',
    'le chargement, les erreurs et l’absence de résultats annoncés dans une zone de statut.',
  ],
  'barometre-indicateur': [
    'le chiffre, sa marge d’erreur et chaque comparaison lus comme des phrases\u00a0;',
    'un chiffre fragile signalé par une phrase qui dit pourquoi, un écart non significatif dit en mots\u00a0;',
    'un chiffre non publié remplacé par une phrase entière qui dit pourquoi\u00a0;',
    'le chargement et les erreurs annoncés dans une zone de statut.',
  ],
  'barometre-carte': [
    'chaque territoire atteint au clavier\u00a0: une tabulation, puis les flèches, Début et Fin, ou les premières lettres de son nom\u00a0;',
    'une infobulle au survol comme au focus, annoncée aux lecteurs d’écran, qu’Échap referme\u00a0;',
    'un tableau des mêmes chiffres, triable, et une légende qui dit ses classes en mots\u00a0;',
    'les territoires sans chiffre publié marqués d’un motif et de mots, jamais colorés comme une valeur.',
  ],
  'barometre-carte/participation': [
    'chaque territoire atteint au clavier\u00a0: une tabulation, puis les flèches, Début et Fin, ou les premières lettres de son nom\u00a0;',
    'chaque territoire lu comme une phrase, au focus comme au survol\u00a0: «\u00a0Finistère\u00a0: 32\u00a0% (89 sur 277)\u00a0», la part des collectivités ayant répondu et leur nombre sur celles du territoire\u00a0; Échap referme l’infobulle\u00a0;',
    'un tableau des mêmes chiffres, triable, titré du thème, des collectivités comptées, de l’édition et de la publication, une ligne par territoire avec sa part et «\u00a089 sur 277\u00a0»\u00a0; une légende qui dit ses classes en mots\u00a0;',
    'un territoire où personne n’a répondu montre un vrai 0\u00a0%, en mots comme en couleur\u00a0; un territoire sans aucune collectivité de ce type le dit en mots («\u00a0pas de communes dans ce territoire\u00a0») et d’un motif, jamais coloré comme une valeur.',
  ],
  'barometre-evolution': [
    'une phrase par territoire qui donne le chiffre de chaque édition ou dit pourquoi il n’est pas publié ;',
    'un tableau des valeurs (bouton « Tableau »), une ligne par édition, avec la publication d’où vient chaque chiffre ;',
    'chaque territoire reconnaissable à la forme de ses points et au tracé de sa ligne, jamais à la couleur seule ;',
    'une série interrompue quand la question a changé d’une édition à l’autre, et la raison dite en mots ;',
    'tous les boutons au clavier ; téléchargements CSV et PNG légendés.',
  ],
};

const definitions = new Map();
let territoire = picker.getAttribute('value') ?? '';
let element;
let rendering = 0;

const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });
const checked = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value;

async function definition(theme) {
  if (!definitions.has(theme)) {
    const response = await fetch(`${API}/questionnaires/${encodeURIComponent(theme)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    definitions.set(theme, await response.json());
  }
  return definitions.get(theme);
}

/** The questions a figure can show: those answered by choosing. */
function chartable(def) {
  return def.sections.flatMap((section) => section.questions).filter((q) => ['yesno', 'single', 'multiple'].includes(q.kind));
}

async function fillQuestions() {
  const def = await definition(themeSelect.value);
  questionSelect.replaceChildren(...chartable(def).map((q) => option(q.id, q.label.fr)));
  fillCodes();
}

function fillCodes() {
  const question = chartable(definitions.get(themeSelect.value) ?? { sections: [] }).find((q) => q.id === questionSelect.value);
  const answers = question?.kind === 'yesno' ? YES_NO : (question?.options ?? []);
  codeSelect.replaceChildren(...answers.map((answer) => option(answer.code, answer.label.fr)));
}

/**
 * What the settings are for: the chosen element, and for the map what it measures
 * (`barometre-carte/resultats` or `barometre-carte/participation`).
 */
function figureOf(tag) {
  return tag === 'barometre-carte' ? `${tag}/${checked('mesure') === 'participation' ? 'participation' : 'resultats'}` : tag;
}

/** The attributes the settings give the chosen element. */
function attributesOf(tag) {
  if (figureOf(tag) === 'barometre-carte/participation') return participationAttributes();
  const attributes = { api: API, theme: themeSelect.value, question: questionSelect.value, lang: checked('lang') };
  if (territoire) attributes.territoire = territoire;
  if (tag !== 'barometre-carte') {
    attributes.comparer = [...form.querySelectorAll('input[name="comparer"]:checked')].map((input) => input.value).join(' ');
  }
  if (tag === 'barometre-territoire-chart' || tag === 'barometre-indicateur') attributes.base = checked('base');
  if (tag !== 'barometre-territoire-chart') attributes.code = codeSelect.value;
  if (tag === 'barometre-territoire-chart') attributes.type = checked('type');
  if (tag === 'barometre-carte') attributes.niveau = checked('niveau');
  attributes.ponderation = checked('ponderation');
  return attributes;
}

/** A participation map's attributes: no question, answer nor weighting; the kind counted and the edition. */
function participationAttributes() {
  const attributes = { api: API, mesure: 'participation', theme: themeSelect.value, niveau: checked('niveau'), type: checked('collectivites'), lang: checked('lang') };
  if (territoire) attributes.territoire = territoire;
  const edition = checked('edition');
  if (edition) attributes.edition = edition;
  return attributes;
}

/**
 * Shows the settings that apply to the chosen figure only, and its accessibility notes. A field
 * names the elements it is for, a map's measure after a slash when it is for one of them only.
 */
function showFieldsOf(tag) {
  const figure = figureOf(tag);
  for (const field of form.querySelectorAll('[data-for]')) {
    const applies = field.dataset.for.split(' ').some((name) => name === tag || name === figure);
    field.hidden = !applies;
    for (const control of field.querySelectorAll('input, select')) control.disabled = !applies;
  }
  notes.replaceChildren(...(ACCESSIBILITY[figure] ?? ACCESSIBILITY[tag]).map((text) => Object.assign(document.createElement('li'), { textContent: text })));
}

/** Updates the preview in place (a new element only for another tag), then its snippet. */
async function render() {
  const ticket = ++rendering;
  const tag = checked('element');
  showFieldsOf(tag);
  if (element?.localName !== tag) {
    element = document.createElement(tag);
    preview.replaceChildren(element);
  }
  const attributes = attributesOf(tag);
  for (const { name } of [...element.attributes]) if (!(name in attributes)) element.removeAttribute(name);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  await customElements.whenDefined(tag);
  const snippet = await element.embedSnippet();
  if (ticket !== rendering) return;
  snippetArea.value = snippet;
  snippetArea.rows = Math.min(14, snippet.split('\n').length + 1);
  copyStatus.textContent = '';
}

copyButton.addEventListener('click', async () => {
  copyStatus.textContent = '';
  try {
    await navigator.clipboard.writeText(snippetArea.value);
    copyStatus.textContent = 'Code copié dans le presse-papiers.';
  } catch {
    snippetArea.focus();
    snippetArea.select();
    copyStatus.textContent = 'Copie automatique impossible\u00a0: le code est sélectionné, copiez-le avec Ctrl+C (Cmd+C sur Mac).';
  }
});

picker.addEventListener('barometre-territoire-select', (event) => {
  territoire = event.detail.territoire === 'france' ? '' : event.detail.territoire;
  void render();
});
themeSelect.addEventListener('change', () => void fillQuestions().then(render));
questionSelect.addEventListener('change', () => {
  fillCodes();
  void render();
});
form.addEventListener('change', (event) => {
  if (event.target !== themeSelect && event.target !== questionSelect) void render();
});

async function start() {
  const response = await fetch(`${API}/questionnaires`);
  const { questionnaires } = await response.json();
  themeSelect.replaceChildren(...questionnaires.map((q) => option(q.theme, q.title.fr)));
  themeSelect.value = questionnaires.some((q) => q.theme === 'cybersecurite') ? 'cybersecurite' : questionnaires[0].theme;
  await fillQuestions();
  await render();
}

void start();
