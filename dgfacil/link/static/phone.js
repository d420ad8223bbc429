// The phone page: no framework. Every text from the server is put in with textContent, never as markup.
"use strict";
(function () {
  var T = JSON.parse(document.getElementById("texts").textContent);
  var base = document.body.getAttribute("data-base");
  var state = null, fetchedAt = 0, boardTimer = null, stateTimer = null, promptsTimer = null;
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (key) {  // each {} in the text takes the next value
    var values = Array.prototype.slice.call(arguments, 1);
    return T[key].replace(/\{\}/g, function () { return values.shift(); });
  };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  var gone = false;  // the link was rotated or ended: every request now answers 404
  function say(text) { $("status").textContent = gone ? T.link_changed : text || ""; }
  function failed(e) { say(fmt("error", e.message)); }

  function api(method, path, data) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (data !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(data); }
    return fetch(base + path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status === 404) { gone = true; throw new Error(T.link_changed); }
        if (r.status === 429) throw new Error(T.too_fast);
        if (!r.ok) throw new Error(T[body.code] || body.error || String(r.status));  // the page's own words first
        return body;
      });
    });
  }

  // -- sections ---------------------------------------------------------------------------
  var SECTIONS = ["now", "agenda", "board", "prompts", "survey"];
  function show() {
    var name = (location.hash || "#now").slice(1);
    if (SECTIONS.indexOf(name) < 0) name = "now";
    SECTIONS.forEach(function (s) {
      $(s).hidden = s !== name;
      if (s === name) $("tab-" + s).setAttribute("aria-current", "page"); else $("tab-" + s).removeAttribute("aria-current");
    });
  }
  window.addEventListener("hashchange", function () { show(); if (location.hash === "#prompts") loadPrompts(); });

  // -- time -------------------------------------------------------------------------------
  var mine = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
  function venueFormat() {
    try { return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone: state.workshop.venue_zone }); }
    catch (e) { return mine; }
  }
  function clock(seconds) {
    var s = Math.abs(Math.round(seconds)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return (h ? h + ":" + two(m) : m) + ":" + two(r);
  }
  function tick() {
    var out = $("countdown");
    if (!state || !state.current) { out.textContent = ""; return; }
    var left = state.current.remaining_s - (state.current.paused ? 0 : (Date.now() - fetchedAt) / 1000);
    out.textContent = (state.current.paused ? T.paused + " · " : "") + (left >= 0 ? fmt("remaining", clock(left)) : fmt("over", clock(left)));
    out.className = left < 0 ? "countdown over" : "countdown";
  }

  // -- state --------------------------------------------------------------------------------
  function loadState() {
    return api("GET", "/api/state").then(function (s) {
      state = s; fetchedAt = Date.now(); say("");
      renderNow(); renderAgenda(); renderSurvey(); loadBoard();
    }).catch(failed);
  }
  function later(fn, timer, ms) { clearTimeout(timer); return setTimeout(fn, ms); }

  // the venue's clock beside the phone's, unless they show the same time now
  function sameClock(vf) {
    var now = new Date(), wide = { day: "numeric", hour: "numeric", minute: "numeric" };
    try {
      return new Intl.DateTimeFormat("en", wide).format(now) ===
        new Intl.DateTimeFormat("en", Object.assign({ timeZone: state.workshop.venue_zone }, wide)).format(now);
    } catch (e) { return true; }
  }
  function myZone() { return (mine.resolvedOptions().timeZone || "").replace(/_/g, " "); }

  function renderNow() {
    var vf = venueFormat(), same = sameClock(), city = state.workshop.venue_city;
    $("workshop").textContent = state.workshop.title;
    document.title = state.workshop.title;
    $("next-h").textContent = T.next;
    var cur = state.current;
    $("current").textContent = cur ? cur.title : (state.phase === "finished" ? T.finished : T.not_started);
    $("back").textContent = "";
    if (state.back_at) {
      var at = new Date(state.back_at);
      $("back").textContent = fmt("back_at", mine.format(at)) + (same ? "" : " " + fmt("back_at_venue", vf.format(at), city));
    }
    var next = $("next"); next.textContent = "";
    state.next.forEach(function (row) {
      var start = new Date(row.start), li = el("li", mine.format(start) + " · " + row.title);
      if (!same) li.appendChild(el("span", fmt("at_venue", vf.format(start), city), "venue"));
      next.appendChild(li);
    });
    var end = state.day_end && new Date(state.day_end);
    $("dayend").textContent = end ? fmt("day_end", mine.format(end)) + (same ? "" : " " + fmt("back_at_venue", vf.format(end), city)) : "";
    tick();
  }

  function renderAgenda() {
    var vf = venueFormat(), same = sameClock(), city = state.workshop.venue_city;
    $("col-mine").textContent = same ? fmt("venue_time", city) : fmt("your_time", myZone()) + " / " + fmt("venue_time", city);
    var day = state.day, when = day ? new Date(day.date + "T12:00:00Z") : null;
    var dated = when ? new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(when) : "";
    $("day").textContent = day ? fmt("day_is", day.title, dated) : "";
    var body = document.querySelector("#agenda-table tbody"); body.textContent = "";
    state.agenda.forEach(function (row) {
      var tr = el("tr", null, row.status === "current" ? "current" : row.status === "done" ? "done" : "");
      var start = new Date(row.start), cell = el("td", null, "time");
      cell.appendChild(el("span", mine.format(start), "mine"));
      if (!same) cell.appendChild(el("span", vf.format(start), "venue"));
      tr.appendChild(cell);
      tr.appendChild(el("td", row.title));
      body.appendChild(tr);
    });
  }

  // -- board --------------------------------------------------------------------------------
  function fillSelect(select, options, keep) {
    var old = select.value; select.textContent = "";
    options.forEach(function (o) { var opt = el("option", o[1]); opt.value = o[0]; select.appendChild(opt); });
    if (keep && old) select.value = old;
  }
  function loadBoard() {
    var b = state && state.board, form = $("card-form");
    $("area-label").textContent = T.zone; $("card-label").textContent = T.your_card;
    $("card-send").textContent = T.add_card; document.querySelector("#group-row label").textContent = T.group;
    if (!b) { $("board-info").textContent = T.no_board; form.hidden = true; $("cards").textContent = ""; $("dots").textContent = ""; return; }
    $("board-h").textContent = b.title;
    form.hidden = b.closed;
    $("board-info").textContent = b.closed ? T.board_closed : "";
    $("group-row").hidden = !b.groups.length;
    fillSelect($("group"), [["", T.whole_room]].concat(b.groups.map(function (g) { return [String(g.id), g.name]; })), true);
    fillSelect($("area"), b.areas.map(function (a) { return [a.key, a.title]; }), true);
    var q = "?exercise=" + b.exercise_id + ($("group").value ? "&group=" + $("group").value : "");
    api("GET", "/api/board" + q).then(renderCards).catch(failed);
  }
  function renderCards(data) {
    var box = $("cards"); box.textContent = "";
    var b = data.board, closed = b.closed;
    $("card-form").hidden = closed; $("board-info").textContent = closed ? T.board_closed : "";  // as read now
    $("dots").textContent = fmt("dots_left", data.dots_left) + (data.revealed ? "" : " · " + T.votes_hidden);
    b.areas.forEach(function (area) {
      var cards = data.notes.filter(function (n) { return n.area === area.key; });
      if (!cards.length) return;
      var zone = el("section", null, "zone"); zone.setAttribute("aria-label", area.title);
      zone.appendChild(el("h3", area.title));
      cards.forEach(function (n) {
        var card = el("article", null, "card");
        card.appendChild(el("p", n.text));
        var meta = (n.votes !== null ? fmt(n.votes === 1 ? "votes_one" : "votes", n.votes) + " · " : "") + fmt("your_dots", n.mine);
        card.appendChild(el("div", meta, "meta"));
        if (!closed) {
          var row = el("div", null, "row");
          var up = el("button", T.vote); up.type = "button"; up.disabled = data.dots_left <= 0;
          up.setAttribute("aria-label", T.vote + ": " + n.text.slice(0, 60));
          up.addEventListener("click", function () { vote(n.id, false, up); });
          row.appendChild(up);
          if (n.mine > 0) {
            var down = el("button", T.unvote, "secondary"); down.type = "button";
            down.addEventListener("click", function () { vote(n.id, true, down); });
            row.appendChild(down);
          }
          card.appendChild(row);
        }
        zone.appendChild(card);
      });
      box.appendChild(zone);
    });
  }
  var voting = false;  // one dot at a time: a double tap spends one
  function vote(id, remove, button) {
    if (voting) return;
    voting = true; button.disabled = true;
    api("POST", "/api/votes", { item_id: id, remove: remove }).then(loadBoard, function (e) { button.disabled = false; failed(e); })
      .then(function () { voting = false; });
  }
  $("group").addEventListener("change", loadBoard);
  $("card-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("card-text").value.trim();
    if (!text) { say(T.empty_card); return; }
    var data = { text: text, area: $("area").value, exercise_id: state.board.exercise_id };
    if ($("group").value) data.group_id = Number($("group").value);
    $("card-send").disabled = true;
    api("POST", "/api/notes", data).then(function () {
      $("card-text").value = ""; say(T.card_added); loadBoard();
    }).catch(failed).then(function () { $("card-send").disabled = false; });
  });

  // -- prompts (the exercise's questions) ------------------------------------------------------
  var prompts = null;
  function loadPrompts() {
    api("GET", "/api/prompts").then(renderPrompts).catch(failed);
  }
  function typedIn(form) {
    // what the participant has typed or picked and not sent, and where the caret is
    var kept = { values: {}, focus: null, start: 0, end: 0 }, active = document.activeElement;
    Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (a) { kept.values[a.id] = a.value; });
    Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (i) { kept.values[i.name] = Number(i.value); });
    if (active && form.contains(active) && active.id) {
      kept.focus = active.id;
      if (active.tagName === "TEXTAREA") { kept.start = active.selectionStart; kept.end = active.selectionEnd; }
    }
    return kept;
  }
  function renderPrompts(data) {
    var p = data.prompts, form = $("prompts-form"), drawn = form.getAttribute("data-drawn");
    var shape = p ? JSON.stringify([p.exercise_id, p.closed, p.questions]) : "";
    if (p && drawn === shape) return;  // nothing new: what is being typed stays untouched
    // new or changed questions: redrawn, keeping what was typed for the same exercise's questions
    var kept = p && form.getAttribute("data-exercise") === String(p.exercise_id) ? typedIn(form) : { values: {} };
    prompts = p; form.textContent = ""; form.removeAttribute("data-exercise"); form.removeAttribute("data-drawn");
    if (!p) { $("prompts-h").textContent = T.questions; $("prompts-info").textContent = T.no_prompts; return; }
    $("prompts-h").textContent = p.title;
    $("prompts-info").textContent = p.closed ? T.prompts_closed : "";
    if (p.closed) return;
    form.setAttribute("data-exercise", String(p.exercise_id));
    form.setAttribute("data-drawn", shape);
    p.questions.forEach(function (q) {
      var id = "p-" + q.key, given = id in kept.values ? kept.values[id] : data.answers[q.key];
      if (q.kind === "choice") {
        var set = el("fieldset"); set.appendChild(el("legend", q.text));
        q.options.forEach(function (option, i) {
          var label = el("label", null, "choice"), input = el("input");
          input.type = "radio"; input.name = id; input.value = String(i);
          if (given === i) input.checked = true;
          label.appendChild(input); label.appendChild(document.createTextNode(option)); set.appendChild(label);
        });
        form.appendChild(set); return;
      }
      var row = el("p"), label = el("label", q.text), area = el("textarea");
      label.htmlFor = id; area.id = id; area.rows = 3; area.maxLength = 2000;
      area.setAttribute("aria-description", T.your_answer);
      if (given) area.value = given;
      row.appendChild(label); row.appendChild(area); form.appendChild(row);
    });
    var send = el("button", T.send_answers); send.type = "submit"; send.id = "prompts-send"; form.appendChild(send);
    var back = kept.focus && document.getElementById(kept.focus);
    if (back) { back.focus(); if (back.tagName === "TEXTAREA") back.setSelectionRange(kept.start, kept.end); }
  }
  $("prompts-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var answers = {};
    prompts.questions.forEach(function (q) {
      if (q.kind === "choice") {
        var picked = document.querySelector('input[name="' + CSS.escape("p-" + q.key) + '"]:checked');
        if (picked) answers[q.key] = Number(picked.value);
        return;
      }
      var text = $("p-" + q.key).value.trim(); if (text) answers[q.key] = text;
    });
    if (!Object.keys(answers).length) return;
    api("POST", "/api/prompts", { exercise_id: prompts.exercise_id, answers: answers })
      .then(function () { say(T.answers_sent); $("prompts-info").textContent = T.answers_sent; })
      .catch(failed);
  });

  // -- survey -------------------------------------------------------------------------------
  function renderSurvey() {
    var s = state.survey, form = $("survey-form");
    if (s && s.closed) form.removeAttribute("data-drawn");  // closed while open here: the form goes
    if (form.getAttribute("data-drawn")) return;  // never wipe what is being typed
    $("survey-info").textContent = "";
    form.textContent = "";
    if (!s) { $("survey-info").textContent = T.no_survey; return; }
    $("survey-h").textContent = s.title;
    if (s.closed) { $("survey-info").textContent = T.survey_closed; return; }
    form.setAttribute("data-drawn", "1");
    s.groups.forEach(function (group) {
      if (group.stem) form.appendChild(el("h3", group.stem));
      group.questions.forEach(function (q) {
        var given = s.answers[q.key];
        if (q.kind === "text") {
          var p = el("p"), id = "q-" + q.key, label = el("label", q.text), area = el("textarea");
          label.htmlFor = id; area.id = id; area.name = q.key; area.rows = 3; area.maxLength = 2000;
          if (given) area.value = given;
          p.appendChild(label); p.appendChild(area); form.appendChild(p); return;
        }
        var set = el("fieldset"); set.appendChild(el("legend", q.text));
        q.choices.forEach(function (choice, i) {
          var label = el("label", null, "choice"), input = el("input");
          input.type = "radio"; input.name = q.key; input.value = q.kind === "likert" ? String(i) : choice;
          if (given !== undefined && String(given) === input.value) input.checked = true;
          label.appendChild(input); label.appendChild(document.createTextNode(choice)); set.appendChild(label);
        });
        form.appendChild(set);
      });
    });
    var send = el("button", T.send_survey); send.type = "submit"; send.id = "survey-send"; form.appendChild(send);
  }
  $("survey-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var answers = {};
    state.survey.groups.forEach(function (g) { g.questions.forEach(function (q) {
      if (q.kind === "text") { var t = document.getElementsByName(q.key)[0].value.trim(); if (t) answers[q.key] = t; return; }
      var picked = document.querySelector('input[name="' + CSS.escape(q.key) + '"]:checked');
      if (picked) answers[q.key] = q.kind === "likert" ? Number(picked.value) : picked.value;
    }); });
    api("POST", "/api/evaluation", { answers: answers }).then(function () { say(T.survey_sent); $("survey-info").textContent = T.survey_sent; })
      .catch(failed);
  });

  // -- live updates ---------------------------------------------------------------------------
  function listen() {
    if (!window.EventSource) { setInterval(loadState, 15000); return; }
    var source = new EventSource(base + "/events");
    source.onmessage = function (m) {
      var event = JSON.parse(m.data);
      if (event.type === "board") promptsTimer = later(loadPrompts, promptsTimer, 300);
      // a card or a dot: the board's cards; anything else (the run, a board closed or chosen, the survey
      // closed): the whole state, which redraws the board too
      if (event.type === "note" || event.type === "vote") boardTimer = later(loadBoard, boardTimer, 300);
      else stateTimer = later(loadState, stateTimer, 200);
    };
    source.onerror = function () {
      if (source.readyState === 2) loadState();  // refused for good (a 404): loadState says why
      else say(T.offline);
    };
    source.onopen = function () { say(""); };
  }

  show(); loadState(); loadPrompts(); listen();
  setInterval(tick, 1000);
  setInterval(loadState, 60000);  // the projected times move while nobody presses anything
})();
