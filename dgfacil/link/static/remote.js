// The facilitator's remote: run buttons (the same run events as the Run room's keys) and moderation
// of the board phones see. Texts come from the server's texts block; cards go in as text, never markup.
"use strict";
(function () {
  var T = JSON.parse(document.getElementById("texts").textContent);
  var base = document.body.getAttribute("data-base");
  var status = document.getElementById("status");
  var seen = null;  // the last moderation view
  var run = null, runAt = 0;  // the run as the phones see it, and when it was read
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (key, value) { return T[key].replace("{}", value); };

  function post(path, data) {
    return fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) {
        status.textContent = r.ok ? T.done : (T[b.code] || b.error || String(r.status));
        refresh(); loadRun(); loadChoices();
      }); })
      .catch(function (e) { status.textContent = e.message; });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-text]"), function (node) {
    node.textContent = T[node.getAttribute("data-text")];
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-action]"), function (button) {
    var action = button.getAttribute("data-action");
    button.textContent = T[action];
    button.addEventListener("click", function () { post("/api/run", { action: action }); });
  });

  var flags = {
    revealed: { label: "reveal", on: function (v) { return v.board && v.board.revealed; },
                send: function (v, on) { return post("/api/boards/" + v.board.exercise_id + "/reveal", { revealed: on }); } },
    closed: { label: "close_board", on: function (v) { return v.board && v.board.closed; },
              send: function (v, on) { return post("/api/boards/" + v.board.exercise_id + "/close", { closed: on }); } },
    survey: { label: "close_survey", on: function (v) { return v.survey_closed; },
              send: function (_v, on) { return post("/api/survey/close", { closed: on }); } }
  };
  Array.prototype.forEach.call(document.querySelectorAll("button[data-flag]"), function (button) {
    var flag = flags[button.getAttribute("data-flag")];
    button.textContent = T[flag.label];
    button.addEventListener("click", function () {
      if (seen) flag.send(seen, button.getAttribute("aria-pressed") !== "true");
    });
  });

  function draw(view) {
    seen = view;
    document.getElementById("board-title").textContent = view.board ? view.board.title : T.no_board;
    Array.prototype.forEach.call(document.querySelectorAll("button[data-flag]"), function (button) {
      var name = button.getAttribute("data-flag");
      button.setAttribute("aria-pressed", flags[name].on(view) ? "true" : "false");
      button.disabled = name !== "survey" && !view.board;
    });
    var list = document.getElementById("cards");
    list.textContent = "";
    var zones = {};
    (view.board ? view.board.areas : []).forEach(function (a) { zones[a.key] = a.title; });
    view.notes.forEach(function (card) {
      var row = document.createElement("li");
      if (card.hidden) row.className = "hidden";
      var about = document.createElement("div"), text = document.createElement("span"), meta = document.createElement("span");
      text.className = "text"; meta.className = "meta";
      text.textContent = (card.group ? card.group + ": " : "") + card.text;
      meta.textContent = (zones[card.area] || card.area) + " · " + fmt(card.votes === 1 ? "votes_one" : "votes", card.votes);
      about.appendChild(text); about.appendChild(meta);
      var actions = document.createElement("div");
      actions.className = "actions";
      actions.appendChild(button(card.hidden ? T.restore : T.hide, function () {
        post("/api/notes/" + card.id + "/hide", { hidden: !card.hidden });
      }));
      if (card.phone) {
        actions.appendChild(button(card.hidden ? T.restore_phone : T.hide_phone, function () {
          post("/api/notes/" + card.id + "/hide_phone", { hidden: !card.hidden });
        }));
      }
      row.appendChild(about);
      row.appendChild(actions);
      list.appendChild(row);
    });
  }
  function button(label, onclick) {
    var b = document.createElement("button");
    b.type = "button"; b.textContent = label; b.addEventListener("click", onclick);
    return b;
  }

  // -- what phones are shown: the board and the questions, two separate choices ----------------
  function fill(select, items, chosen, running) {
    var shape = JSON.stringify(items);
    if (select.getAttribute("data-drawn") === shape) { pick(select, chosen); return; }  // a list open stays open
    select.setAttribute("data-drawn", shape);
    select.textContent = "";
    var first = document.createElement("option"); first.value = ""; first.textContent = running;
    select.appendChild(first);
    items.forEach(function (c) {
      var o = document.createElement("option");
      o.value = String(c.exercise_id); o.textContent = c.running ? fmt("running_mark", c.title) : c.title;
      select.appendChild(o);
    });
    pick(select, chosen);
  }
  function pick(select, chosen) {
    select.value = chosen === null || chosen === undefined ? "" : String(chosen);
    if (select.selectedIndex < 0) select.value = "";
  }
  function loadChoices() {
    fetch(base + "/api/choices").then(function (r) { return r.ok ? r.json() : null; }).then(function (c) {
      if (!c) return;
      fill($("pick-board"), c.boards, c.board, T.running_board);
      fill($("pick-prompts"), c.prompts, c.questions, T.running_questions);
    }).catch(function () {});
  }
  function picked(select) { return select.value ? Number(select.value) : null; }
  $("pick-board").addEventListener("change", function () {
    post("/api/boards/current", { exercise_id: picked($("pick-board")) });
  });
  $("pick-prompts").addEventListener("change", function () {
    post("/api/prompts/current", { exercise_id: picked($("pick-prompts")) });
  });
  $("rotate").addEventListener("click", function () {
    if (!window.confirm(T.rotate_confirm)) return;
    post("/api/rotate", {}).then(function () { if (status.textContent === T.done) status.textContent = T.rotated; });
  });

  function refresh() {
    fetch(base + "/api/moderation").then(function (r) { return r.ok ? r.json() : null; })
      .then(function (view) { if (view) draw(view); }).catch(function () {});
  }
  // -- what is running: the current item, its time left and the next one, live ----------------
  function clock(seconds) {
    var s = Math.abs(Math.round(seconds)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return (h ? h + ":" + two(m) : m) + ":" + two(r);
  }
  function tick() {
    var out = $("countdown"), cur = run && run.current;
    if (!cur) { out.textContent = ""; return; }
    var left = cur.remaining_s - (cur.paused ? 0 : (Date.now() - runAt) / 1000);
    out.textContent = (cur.paused ? T.paused + " · " : "") + fmt(left >= 0 ? "remaining" : "over", clock(left));
    out.className = left < 0 ? "countdown over" : "countdown";
  }
  function drawRun() {
    var cur = run.current;
    $("current").textContent = cur ? cur.title : (run.phase === "finished" ? T.finished : T.not_started);
    $("next").textContent = run.next.length ? fmt("next_is", run.next[0].title) : (cur ? T.last_item : "");
    tick();
  }
  function loadRun() {
    fetch(base + "/api/state").then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s) { run = s; runAt = Date.now(); drawRun(); } }).catch(function () {});
  }
  var timers = {};
  function soon(fn, ms) { clearTimeout(timers[fn.name]); timers[fn.name] = setTimeout(fn, ms); }
  if (window.EventSource) {
    new EventSource(base + "/events").onmessage = function (m) {
      var event = JSON.parse(m.data);
      if (event.type === "run") { soon(loadRun, 100); soon(loadChoices, 300); }
      else soon(refresh, 300);
    };
  }

  refresh(); loadRun(); loadChoices();
  setInterval(refresh, 5000);
  setInterval(tick, 1000);
  setInterval(loadRun, 30000);  // the projected times move while nobody presses anything
})();
