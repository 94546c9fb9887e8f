// The live training page: polls api/runs and draws one uPlot chart per metric, one series per run.
// Each chart's element carries data-points (the values plotted) for tests and tools.
(function () {
  "use strict";
  const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                  "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
  const charts = {}; // "view/metric" -> {el, plot, signature}
  let refreshMs = 1000;
  let polls = 0;

  // Whole-number ticks on the x axes (epochs and batches).
  const INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000,
                 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];
  const color = (i) => COLORS[i % COLORS.length];

  // Charts in a steady order: loss first, the learning rate last, the others by name.
  function rank(name) {
    return name === "loss" ? "0" : name === "learning_rate" ? "2" : "1" + name;
  }
  const byRank = (a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0);

  function setView(view) {
    document.body.dataset.view = view;
    for (const c of Object.values(charts)) {
      c.plot.setSize(size(c.el));
    }
  }
  document.querySelectorAll("#views input").forEach((input) => {
    input.addEventListener("change", () => setView(input.value));
  });

  function size(el) {
    const width = Math.max(300, (el.clientWidth || 460) - 10);
    return { width: width, height: 220 };
  }

  // Runs: a card each with the status and the model summary.
  function drawRuns(runs) {
    const box = document.getElementById("runs");
    runs.forEach((run, i) => {
      let card = document.getElementById("run-" + run.id);
      if (!card) {
        card = document.createElement("div");
        card.className = "run";
        card.id = "run-" + run.id;
        card.style.setProperty("--run-color", color(i));
        card.innerHTML = '<div class="name"></div><div class="status"></div>' +
            '<details><summary>model summary</summary><pre></pre></details>';
        box.appendChild(card);
      }
      card.querySelector(".name").textContent = run.name;
      let status = run.status;
      if (run.epochs !== null && run.epoch.epoch.length > 0) {
        status += " · epoch " + run.epoch.epoch.length + "/" + run.epochs;
      }
      status += " · " + run.batches_seen + " batches";
      const last = run.last_batch;
      if (last && typeof last.loss === "number") {
        status += " · loss " + last.loss.toPrecision(4);
      }
      card.querySelector(".status").textContent = status;
      card.dataset.status = run.status;
      card.dataset.batches = run.batches_seen;
      const pre = card.querySelector("pre");
      if (pre.textContent !== run.summary) {
        pre.textContent = run.summary;
      }
    });
  }

  // The metric names of a table, without its x columns.
  function metricsOf(table, skip) {
    return Object.keys(table).filter((k) => !skip.includes(k));
  }

  // One chart: series = [{label, run index, x: [...], y: [...], dash}]; x aligned with uPlot.join.
  function drawChart(view, metric, xLabel, series) {
    const key = view + "/" + metric;
    const box = document.getElementById(view + "-charts");
    let c = charts[key];
    const signature = series.map((s) => s.label).join("\u0000");
    if (!c) {
      const el = document.createElement("div");
      el.className = "chart";
      el.dataset.view = view;
      el.dataset.metric = metric;
      const title = document.createElement("h3");
      title.textContent = metric;
      el.appendChild(title);
      const next = Array.from(box.children).find((other) => byRank(other.dataset.metric, metric) > 0);
      box.insertBefore(el, next || null);
      c = charts[key] = { el: el, plot: null, signature: null };
    }
    const data = series.length > 0
        ? uPlot.join(series.map((s) => [s.x, s.y]))
        : [[]];
    if (c.signature !== signature) {
      if (c.plot) {
        c.plot.destroy();
      }
      const opts = Object.assign(size(c.el), {
        scales: { x: { time: false } },
        axes: [{ label: xLabel, incrs: INCRS }, {}],
        series: [{ label: xLabel }].concat(series.map((s) => ({
          label: s.label,
          stroke: color(s.run),
          width: 1.5,
          dash: s.dash ? [6, 4] : undefined,
          spanGaps: true,
          points: { show: s.points },
        }))),
      });
      c.plot = new uPlot(opts, data, c.el);
      c.signature = signature;
    } else {
      c.plot.setData(data);
    }
    let points = 0;
    for (const s of series) {
      points += s.y.filter((v) => v !== null).length;
    }
    c.el.dataset.points = points;
    c.el.dataset.series = series.length;
  }

  function drawBatches(runs) {
    const names = [];
    runs.forEach((run) => metricsOf(run.batch, ["step", "epoch"]).forEach((m) => {
      if (!names.includes(m)) names.push(m);
    }));
    for (const m of names.sort(byRank)) {
      const series = [];
      runs.forEach((run, i) => {
        if (run.batch[m]) {
          series.push({ label: run.name, run: i, x: run.batch.step, y: run.batch[m] });
        }
      });
      drawChart("batch", m, "batch", series);
    }
  }

  function drawEpochs(runs) {
    const names = [];
    runs.forEach((run) => metricsOf(run.epoch, ["epoch"]).forEach((m) => {
      const base = m.startsWith("val_") ? m.substring(4) : m;
      if (!names.includes(base)) names.push(base);
    }));
    for (const m of names.sort(byRank)) {
      const series = [];
      runs.forEach((run, i) => {
        const x = run.epoch.epoch.map((e) => e + 1);
        if (run.epoch[m]) {
          series.push({ label: run.name, run: i, x: x, y: run.epoch[m], points: true });
        }
        if (run.epoch["val_" + m]) {
          series.push({ label: run.name + " val", run: i, x: x, y: run.epoch["val_" + m],
                        dash: true, points: true });
        }
      });
      drawChart("epoch", m, "epoch", series);
    }
  }

  async function poll() {
    const connection = document.getElementById("connection");
    try {
      const response = await fetch("api/runs", { cache: "no-store" });
      const data = await response.json();
      refreshMs = data.refresh_ms || refreshMs;
      drawRuns(data.runs);
      drawEpochs(data.runs);
      drawBatches(data.runs);
      polls++;
      document.body.dataset.polls = polls;
      document.body.dataset.runs = data.runs.length;
      connection.textContent = "updated " + new Date().toLocaleTimeString();
      connection.className = "";
    } catch (e) {
      connection.textContent = "no connection to the training process (" + e.message + ")";
      connection.className = "offline";
    }
    setTimeout(poll, refreshMs);
  }

  setView("both");
  poll();
})();
