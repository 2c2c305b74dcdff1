// Draws the charts (mood, trial check-ins, urge patterns) from their JSON data blocks.
// Each chart has a table beside it carrying the same figures for screen readers.
(function () {
  "use strict";
  var COLOURS = ["#2f5d50", "#b45309", "#1a56db", "#7a1f1f", "#6b21a8"];

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || !window.Chart) return;
    var data = JSON.parse(source.textContent);
    if (!data) return;
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    var ink = dark ? "#e8e6e3" : "#1f2328";
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new window.Chart(canvas, {
      type: data.type || "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return { label: series.label, data: series.values, borderColor: COLOURS[i % COLOURS.length],
                   backgroundColor: COLOURS[i % COLOURS.length], spanGaps: true, tension: 0.2 };
        })
      },
      options: {
        animation: reduced ? false : { duration: 300 },
        scales: {
          y: { min: data.min, max: data.max, ticks: { stepSize: 1, color: ink } },
          x: { ticks: { color: ink } }
        },
        plugins: { legend: { labels: { color: ink } } }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
