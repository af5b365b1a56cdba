// Plain Chart.js, ES module build, loaded while the data is on its way; only the pieces a bar
// chart needs are registered, as our element does.
const [{ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }, data] = await Promise.all([
  import('/vendor/chart.js/dist/chart.js'),
  window.benchChartData,
]);
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
window.benchDrawChart(Chart, data, document.getElementById('chart'));
