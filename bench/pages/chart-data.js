// Shared by the three third-party chart pages (plain Chart.js as an ES module, plain Chart.js's
// UMD build, DSFR Chart): the code a site would write to draw our API's figures itself.
// It starts the two requests our element also makes — the results and the questionnaire
// definition that names the answers — as soon as the page's head is parsed, before any chart
// library is loaded, which is the quickest a hand-written page can be.
(() => {
  const { results, definition, question } = document.currentScript.dataset;
  const json = (url) =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
  const YES_NO = [
    ['oui', 'Oui'],
    ['non', 'Non'],
    ['nsp', 'Ne sait pas'],
  ];

  // { title, labels: answer labels, series: [{ name, values: percentages or null }] }
  window.benchChartData = Promise.all([json(results), json(definition)]).then(([figures, questionnaire]) => {
    const asked = questionnaire.sections.flatMap((section) => section.questions).find((item) => item.id === question);
    const options =
      asked.kind === 'yesno' ? YES_NO : asked.options.map((option) => [option.code, option.label.fr]);
    const shown = figures.series.filter((series) => series.status === 'publie' && series.questions[question]?.status === 'publie');
    return {
      title: asked.label.fr,
      labels: options.map(([, label]) => label),
      series: shown.map((series) => ({
        name: series.territory.name,
        values: options.map(([code]) => {
          const answer = series.questions[question].answers?.[code];
          return answer && answer.share !== null ? Math.round(answer.share * 1000) / 10 : null;
        }),
      })),
    };
  });

  // The same height as our element gives grouped horizontal bars, so both draw the same area.
  window.benchChartHeight = (data) => 100 + data.labels.length * (data.series.length * 22 + 18);

  const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
  window.benchDrawChart = (Chart, data, box) => {
    box.style.height = `${window.benchChartHeight(data)}px`;
    const canvas = document.createElement('canvas');
    box.append(canvas);
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map((series, index) => ({
          label: series.name,
          data: series.values,
          backgroundColor: COLOURS[index % COLOURS.length],
          borderColor: '#1e1e1e',
          borderWidth: 1,
          maxBarThickness: 28,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        // As our element does when the reader prefers reduced motion (the benchmark asks for it).
        animation: false,
        scales: { x: { min: 0 } },
        plugins: { legend: { position: 'top', align: 'start' } },
      },
    });
  };
})();
