// DSFR Chart's <bar-chart>: data goes in as JSON attributes, one list of values per series.
const data = await window.benchChartData;
const chart = document.createElement('bar-chart');
chart.setAttribute('x', JSON.stringify([data.labels]));
chart.setAttribute('y', JSON.stringify(data.series.map((series) => series.values)));
chart.setAttribute('name', JSON.stringify(data.series.map((series) => series.name)));
chart.setAttribute('horizontal', 'true');
chart.setAttribute('unit-tooltip', '%');
document.getElementById('chart').append(chart);
