// The facilitator's run remote: each button records the same run event as the Run room's keys.
"use strict";
(function () {
  var T = JSON.parse(document.getElementById("texts").textContent);
  var base = document.body.getAttribute("data-base");
  var status = document.getElementById("status");
  Array.prototype.forEach.call(document.querySelectorAll("button[data-action]"), function (button) {
    var action = button.getAttribute("data-action");
    button.textContent = T[action];
    button.addEventListener("click", function () {
      fetch(base + "/api/run", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: action }) })
        .then(function (r) { return r.json().then(function (b) { status.textContent = r.ok ? T.done : (b.error || r.status); }); })
        .catch(function (e) { status.textContent = e.message; });
    });
  });
})();
