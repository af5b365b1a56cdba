// The comparison page: one chart per published question of the chosen theme, for the territory the
// picker (or the map) sets on the provider; the map shows the theme's first choice question.
// `similaires` adds the collectivités of the same kind and size for a commune or an EPCI; for a
// département, a région or France there is no such group, and the API leaves it out.
const charts = document.getElementById('charts');
const map = document.getElementById('map');
const themeSelect = document.getElementById('theme');

async function showTheme(theme) {
  const response = await fetch(`/api/v1/questionnaires/${encodeURIComponent(theme)}`);
  if (!response.ok) return;
  const definition = await response.json();
  const questions = definition.sections.flatMap((section) => section.questions).filter((q) => q.kind !== 'text' && q.kind !== 'number');
  charts.replaceChildren(
    ...questions.map((question) => {
      const chart = document.createElement('barometre-territoire-chart');
      chart.className = 'card';
      chart.setAttribute('theme', theme);
      chart.setAttribute('question', question.id);
      chart.setAttribute('comparer', 'region france similaires');
      return chart;
    }),
  );
  const first = questions[0];
  if (first) {
    map.setAttribute('theme', theme);
    map.setAttribute('question', first.id);
    map.setAttribute('code', first.kind === 'yesno' ? 'oui' : first.options[0].code);
  }
}

themeSelect.addEventListener('change', () => showTheme(themeSelect.value));
showTheme(themeSelect.value);
