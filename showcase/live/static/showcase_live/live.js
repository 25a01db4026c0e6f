// The run-of-show screens (operator, presenter, public) kept in step with the server.
//   <article data-live-state="URL" data-live-poll="500">   polls URL's JSON state
//   data-live="countdown|current|next|status|delay|message|later|revision"  filled from it
// The server's clock is the reference: every answer carries it (X-Server-Now, 304s too), the
// offset of the fastest of the last exchanges is kept, and the countdown is counted from the
// timer's fields on that clock, so every screen shows the same second.
(function () {
  "use strict";

  var root = document.querySelector("[data-live-state]");
  if (!root) {
    return;
  }
  var url = root.getAttribute("data-live-state");
  var poll = parseInt(root.getAttribute("data-live-poll"), 10) || 500;
  var initial = document.getElementById("live-initial");
  var state = initial ? JSON.parse(initial.textContent) : null;
  var etag = null;
  var offset = 0;
  var samples = [];
  var minutes = root.getAttribute("data-live-minutes") || "min";

  function all(name) {
    return root.querySelectorAll('[data-live="' + name + '"]');
  }

  function setText(name, text) {
    all(name).forEach(function (el) {
      el.textContent = text;
    });
  }

  function noteClock(serverNow, sent, received) {
    if (!serverNow) {
      return;
    }
    samples.push({ rtt: received - sent, offset: serverNow - (sent + received) / 2 });
    if (samples.length > 10) {
      samples.shift();
    }
    var best = samples[0];
    samples.forEach(function (s) {
      if (s.rtt < best.rtt) {
        best = s;
      }
    });
    offset = best.offset;
  }

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function tick() {
    var el = all("countdown");
    if (!el.length) {
      return;
    }
    var text = "–";
    var tone = "";
    if (state && state.timer) {
      var timer = state.timer;
      var ran = timer.elapsed_before;
      if (timer.running && timer.started_at) {
        ran += Math.max(0, Date.now() + offset - timer.started_at);
      }
      var left = timer.length - ran;
      var secs = left >= 0 ? Math.ceil(left / 1000) : Math.floor(-left / 1000);
      text = (left < 0 ? "+" : "") + two(Math.floor(secs / 60)) + ":" + two(secs % 60);
      tone = left < 0 ? "over" : left <= 120000 ? "warn" : "";
    }
    el.forEach(function (node) {
      node.textContent = text;
      node.classList.toggle("warn", tone === "warn");
      node.classList.toggle("over", tone === "over");
    });
  }

  function renderLater() {
    all("later").forEach(function (body) {
      while (body.firstChild) {
        body.removeChild(body.firstChild);
      }
      state.later.forEach(function (row) {
        var tr = document.createElement("tr");
        if (row.late_minutes) {
          tr.className = "late";
        }
        [row.title, row.planned, row.expected, row.late_minutes ? "+" + row.late_minutes + " " + minutes : ""].forEach(
          function (value) {
            var td = document.createElement("td");
            td.textContent = value;
            tr.appendChild(td);
          }
        );
        body.appendChild(tr);
      });
    });
  }

  function render() {
    if (!state) {
      return;
    }
    var idle = root.getAttribute("data-live-idle") || "–";
    setText("current", state.current ? state.current.title : idle);
    setText("next", state.next ? state.next.title : "–");
    setText("status", state.status_label);
    setText("delay", String(state.delay_minutes));
    if ("message" in state) {
      setText("message", state.message || "");
    }
    all("revision").forEach(function (input) {
      input.value = state.revision;
    });
    root.setAttribute("data-live-revision", String(state.revision));
    renderLater();
    tick();
  }

  function refresh() {
    var sent = Date.now();
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        noteClock(parseInt(response.headers.get("X-Server-Now"), 10), sent, Date.now());
        if (response.status === 200) {
          etag = response.headers.get("ETag");
          return response.json().then(function (data) {
            state = data;
            render();
          });
        }
        return null;
      })
      .catch(function () {
        // Offline for a moment: the countdown goes on from the last state, the next poll retries.
      })
      .then(function () {
        window.setTimeout(refresh, poll);
      });
  }

  render();
  window.setInterval(tick, 200);
  refresh();
})();
