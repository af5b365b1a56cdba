// Plain Chart.js, minified UMD build (a global `Chart` with every piece registered).
window.benchChartData.then((data) => window.benchDrawChart(window.Chart, data, document.getElementById('chart')));
