// The call report's chart (Apache ECharts, served from /lib): offered, answered and abandoned calls per interval as
// bars, the service level as a line on its own 0–100 % axis. The numbers are the table's, embedded by the server.
const data = document.getElementById("call-report-data");
const box = document.getElementById("call-chart");

if (data && box && window.echarts) {
  const d = JSON.parse(data.textContent);
  const chart = window.echarts.init(box);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: [d.names.offered, d.names.answered, d.names.abandoned, d.names.serviceLevel] },
    xAxis: { type: "category", data: d.labels },
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } }],
    series: [
      { name: d.names.offered, type: "bar", data: d.offered },
      { name: d.names.answered, type: "bar", data: d.answered },
      { name: d.names.abandoned, type: "bar", data: d.abandoned },
      { name: d.names.serviceLevel, type: "line", yAxisIndex: 1, connectNulls: true, data: d.serviceLevel },
    ],
  });
  box.dataset.drawn = "true";
  window.addEventListener("resize", () => chart.resize());
}
