// A group's rapporteur: the group's discussion notes (an action with owner and due date) and the
// group's boards (cards, action-plan rows). Every text goes in as text, never as markup.
"use strict";
(function () {
  var T = JSON.parse(document.getElementById("texts").textContent);
  var base = document.body.getAttribute("data-base");
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (key, value) { return T[key].replace("{}", value); };
  var editing = null;
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function say(text) { $("status").textContent = text || ""; }
  function api(method, path, data) {
    var init = { method: method, headers: {} };
    if (data) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(data); }
    return fetch(base + path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) { if (!r.ok) throw new Error(T[b.code] || b.error || r.status); return b; });
    });
  }
  function failed(e) { say(fmt("error", e.message)); }

  // -- discussion notes ---------------------------------------------------------------------
  $("tag-label").textContent = T.tag; $("text-label").textContent = T.text;
  $("owner-label").textContent = T.owner; $("due-label").textContent = T.due;
  $("send").textContent = T.add; $("cancel").textContent = T.cancel; $("cancel").className = "quiet";
  $("yours").textContent = T.yours; $("boards-h").textContent = T.boards;
  T.tags.forEach(function (tag) { var o = el("option", T[tag] || tag); o.value = tag; $("tag").appendChild(o); });
  function syncTag() { $("action-fields").hidden = $("tag").value !== "action"; }
  $("tag").addEventListener("change", syncTag);
  function reset() {
    editing = null; $("text").value = ""; $("owner").value = ""; $("due").value = "";
    $("send").textContent = T.add; $("cancel").hidden = true; syncTag();
  }
  $("cancel").addEventListener("click", reset);
  function loadNotes() {
    return api("GET", "/api/notes").then(function (data) {
      var list = $("notes"); list.textContent = "";
      data.notes.forEach(function (n) {
        var li = el("li"), text = el("span"), b = el("button", T.edit, "quiet");
        text.appendChild(el("span", (T[n.tag] || n.tag) + ": ", "tag"));
        text.appendChild(document.createTextNode(n.text));
        var meta = [];
        if (n.owner) meta.push(fmt("owner_is", n.owner));
        if (n.due) meta.push(fmt("due_is", n.due));
        if (meta.length) text.appendChild(el("span", " (" + meta.join(", ") + ")", "meta"));
        b.type = "button";
        b.addEventListener("click", function () {
          editing = n.id; $("text").value = n.text; $("tag").value = n.tag; $("owner").value = n.owner; $("due").value = n.due;
          $("send").textContent = T.save; $("cancel").hidden = false; syncTag(); $("text").focus();
        });
        li.appendChild(text); li.appendChild(b); list.appendChild(li);
      });
    }).catch(failed);
  }
  $("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = { text: $("text").value, tag: $("tag").value };
    if (data.tag === "action") { data.owner = $("owner").value; data.due = $("due").value; }
    say("");  // the last "Saved." is not this save's
    api("POST", "/api/notes" + (editing ? "/" + editing : ""), data).then(function () {
      reset(); say(T.saved); loadNotes();
    }).catch(failed);
  });

  // -- the group's boards --------------------------------------------------------------------
  function send(path, data) {
    say("");
    return api("POST", path, data).then(function () { say(T.saved); loadBoards(); }).catch(failed);
  }
  function cardBoard(board, box) {
    var areas = {};
    board.areas.forEach(function (a) { areas[a.key] = a.title; });
    var list = el("ul", null, "notes");
    board.items.forEach(function (item) {
      var li = el("li"), text = el("input"), b = el("button", T.save, "quiet");
      text.value = item.text; text.setAttribute("aria-label", areas[item.area] || item.area);
      li.appendChild(el("span", areas[item.area] || item.area, "tag"));
      li.appendChild(text); b.type = "button";
      b.addEventListener("click", function () { send("/api/items/" + item.id, { text: text.value, area: item.area }); });
      li.appendChild(b); list.appendChild(li);
    });
    box.appendChild(list);
    if (board.closed) return;
    var form = el("form", null, "add"), zone = el("select"), text = el("input"), add = el("button", T.add_card);
    zone.setAttribute("aria-label", T.zone); text.setAttribute("aria-label", T.text); text.required = true;
    board.areas.forEach(function (a) { var o = el("option", a.title); o.value = a.key; zone.appendChild(o); });
    form.appendChild(zone); form.appendChild(text); form.appendChild(add);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      send("/api/boards/" + board.exercise_id + "/items", { text: text.value, area: zone.value });
    });
    box.appendChild(form);
  }
  function row(board, item) {
    var tr = el("tr"), inputs = {};
    board.columns.forEach(function (c) {
      var td = el("td"), input = el("input");
      input.value = item ? (c.key ? (item.cells[c.key] || "") : item.area) : "";
      input.setAttribute("aria-label", c.title); input.maxLength = 1000; input.disabled = board.closed;
      inputs[c.key] = input; td.appendChild(input); tr.appendChild(td);
    });
    var td = el("td"), b = el("button", item ? T.save : T.add_row, item ? "quiet" : "");
    b.type = "button"; b.disabled = board.closed;
    b.addEventListener("click", function () {
      var cells = {}, area = "";
      board.columns.forEach(function (c) { if (c.key) cells[c.key] = inputs[c.key].value; else area = inputs[c.key].value; });
      send(item ? "/api/items/" + item.id : "/api/boards/" + board.exercise_id + "/items", { area: area, cells: cells });
    });
    td.appendChild(b); tr.appendChild(td);
    return tr;
  }
  function tableBoard(board, box) {
    var table = el("table"), head = el("tr"), body = el("tbody");
    board.columns.forEach(function (c) { var th = el("th", c.title); th.scope = "col"; head.appendChild(th); });
    head.appendChild(el("th"));
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    board.items.forEach(function (item) { body.appendChild(row(board, item)); });
    if (!board.closed) body.appendChild(row(board, null));
    table.appendChild(body); box.appendChild(table);
  }
  function loadBoards() {
    return api("GET", "/api/boards").then(function (data) {
      var box = $("boards"); box.textContent = "";
      if (!data.boards.length) box.appendChild(el("p", T.no_boards));
      data.boards.forEach(function (board) {
        var section = el("section"), id = "board-" + board.exercise_id;
        var h = el("h3", board.title); h.id = id; section.setAttribute("aria-labelledby", id);
        section.appendChild(h);
        if (board.closed) section.appendChild(el("p", T.board_closed, "closed"));
        (board.kind === "table" ? tableBoard : cardBoard)(board, section);
        box.appendChild(section);
      });
    }).catch(failed);
  }
  reset(); loadNotes(); loadBoards();
})();
