// Polls /status.json every second and redraws; rates are differences of the server's cumulative counters over the
// server's own clock (s.time), so a throttled or headless tab still shows true rates.
"use strict";
const history = [];           // { t: ms, total: frames, bySource: {label: frames} }
const chartPoints = [];       // frames/s, one per poll, last 120
const windowMs = 5000;

const $ = (id) => document.getElementById(id);
const fmt = (n) => n == null ? "–" : Math.round(n).toLocaleString("en-US");
const ms = (v) => v == null ? "–" : (v < 10 ? v.toFixed(2) : v.toFixed(0)) + " ms";
const bytes = (b) => b == null ? "–" : b < 1 << 20 ? (b / 1024).toFixed(0) + " KiB"
  : b < 1 << 30 ? (b / (1 << 20)).toFixed(1) + " MiB" : (b / (1 << 30)).toFixed(1) + " GiB";

function rateOver(key, now) {
  const latest = history[history.length - 1];
  const base = history.find((h) => now - h.t <= windowMs) ?? latest;
  const dt = (latest.t - base.t) / 1000;
  if (dt <= 0) return null;
  return (key(latest) - key(base)) / dt;
}

function rows(tbody, items, cells) {
  tbody.replaceChildren(...items.map((item) => {
    const tr = document.createElement("tr");
    for (const text of cells(item)) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
}

function draw() {
  const canvas = $("rate-chart");
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const max = Math.max(1, ...chartPoints);
  ctx.strokeStyle = "#0969da";
  ctx.lineWidth = 2;
  ctx.beginPath();
  chartPoints.forEach((v, i) => {
    const x = (i / 119) * (canvas.width - 10) + 5;
    const y = canvas.height - 20 - (v / max) * (canvas.height - 40);
    i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
  });
  ctx.stroke();
  ctx.fillStyle = "#57606a";
  ctx.fillText("max " + fmt(max) + " frames/s", 8, 14);
}

function render(s) {
  const now = Date.parse(s.time);
  history.push({ t: now, total: s.framesTotal, bySource: s.framesBySource });
  while (history.length > 2 && now - history[0].t > windowMs + 1500) history.shift();
  const total = rateOver((h) => h.total, now);
  $("total-rate").textContent = fmt(total);
  $("total-rate").dataset.value = total == null ? "" : String(total);
  $("frames-total").textContent = fmt(s.framesTotal);
  $("ack-latency").textContent = [s.ackP50Ms, s.ackP99Ms, s.ackP999Ms].map(ms).join(" / ");
  $("updated").textContent = "updated " + new Date(s.time).toISOString().replace("T", " ").slice(0, 19) + " UTC";

  const state = $("influx-state");
  if (!s.influx) {
    state.dataset.state = "unknown";
    state.textContent = "InfluxDB: not used (null sink)";
  } else if (s.influx.up) {
    state.dataset.state = "up";
    state.textContent = "InfluxDB UP";
  } else {
    state.dataset.state = "down";
    const spooling = s.spool ? " – acks continue from the spool" : " – acks wait";
    state.textContent = (s.influx.failingForS != null ? "InfluxDB not answering for " + s.influx.failingForS.toFixed(0) + " s" : "InfluxDB DOWN") +
      ": " + (s.influx.problem ?? "not answering") + spooling;
  }
  $("influx-latency").textContent = s.influx ? ms(s.influx.writeP50Ms) + " / " + ms(s.influx.writeP99Ms) : "–";
  $("influx-pending").textContent = s.influx ? bytes(s.influx.pendingBytes) : "–";
  $("spool").textContent = s.spool
    ? bytes(s.spool.bytes) + " of " + bytes(s.spool.maxBytes) + (s.spool.oldestAgeS != null ? ", oldest " + s.spool.oldestAgeS.toFixed(0) + " s" : "") +
      (s.spool.writerFault ? " – SPOOL REFUSES BATCHES: " + s.spool.writerFault : "") +
      (s.spool.forwarderFault ? " – FORWARDER " + s.spool.forwarderFault : "") +
      (s.influx && s.influx.deadLetterFault ? " – " + s.influx.deadLetterFault : "")
    : "off (acks after InfluxDB)";

  const sources = Object.keys(s.framesBySource).sort();
  rows($("rates-by-source").tBodies[0], sources, (src) => [
    src, fmt(rateOver((h) => h.bySource[src] ?? 0, now)), fmt(s.framesBySource[src])]);
  rows($("rejections").tBodies[0], s.recentRejections, (r) => [r.time.slice(11, 19), r.source, r.code, r.reason]);
  rows($("gaps").tBodies[0], s.recentGaps, (g) => [g.source, g.firstMissing + "–" + g.lastMissing, String(g.missing)]);
  rows($("resets").tBodies[0], s.recentResets, (r) => [r.source, String(r.from), String(r.to)]);
  $("dead-letters").textContent = s.influx ? fmt(s.influx.deadLetters) : "–";
  $("sequences").textContent = fmt(s.duplicates) + " / " + fmt(s.gaps) + " / " + fmt(s.resets);

  chartPoints.push(total ?? 0);
  if (chartPoints.length > 120) chartPoints.shift();
  draw();
}

async function poll() {
  try {
    const response = await fetch("/status.json", { cache: "no-store" });
    if (!response.ok) throw new Error("HTTP " + response.status);
    render(await response.json());
  } catch (e) {
    const state = $("influx-state");
    state.dataset.state = "down";
    state.textContent = "Server not answering: " + e.message;
  } finally {
    setTimeout(poll, 1000);
  }
}

poll();
