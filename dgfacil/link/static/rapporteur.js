// A group's rapporteur: add discussion notes and edit the group's own. Texts go in as text only.
"use strict";
(function () {
  var T = JSON.parse(document.getElementById("texts").textContent);
  var base = document.body.getAttribute("data-base");
  var $ = function (id) { return document.getElementById(id); };
  var editing = null;
  function api(method, path, data) {
    var init = { method: method, headers: {} };
    if (data) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(data); }
    return fetch(base + path, init).then(function (r) {
      return r.json().then(function (b) { if (!r.ok) throw new Error(b.error || r.status); return b; });
    });
  }
  $("tag-label").textContent = T.tag; $("text-label").textContent = T.text;
  $("send").textContent = T.add; $("yours").textContent = T.yours;
  T.tags.forEach(function (tag) { var o = document.createElement("option"); o.value = tag; o.textContent = T[tag] || tag; $("tag").appendChild(o); });
  function load() {
    api("GET", "/api/notes").then(function (data) {
      var list = $("notes"); list.textContent = "";
      data.notes.forEach(function (n) {
        var li = document.createElement("li"), b = document.createElement("button");
        li.textContent = (T[n.tag] || n.tag) + ": " + n.text + " ";
        b.type = "button"; b.textContent = T.edit;
        b.addEventListener("click", function () { editing = n.id; $("text").value = n.text; $("tag").value = n.tag; $("send").textContent = T.save; $("text").focus(); });
        li.appendChild(b); list.appendChild(li);
      });
    });
  }
  $("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = { text: $("text").value, tag: $("tag").value };
    api("POST", "/api/notes" + (editing ? "/" + editing : ""), data).then(function () {
      editing = null; $("text").value = ""; $("send").textContent = T.add; $("status").textContent = T.saved; load();
    }).catch(function (e) { $("status").textContent = T.error.replace("{}", e.message); });
  });
  load();
})();
