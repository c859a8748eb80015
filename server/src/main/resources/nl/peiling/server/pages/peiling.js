// peiling: routing as answers change. Each change is stored at once through the JSON API; the reply
// says which questions it showed and hid, and the page follows. Without this script the form works
// the same, and the routing shows on the next page load.
(function () {
  "use strict";
  var form = document.getElementById("questions");
  if (!form || !window.fetch) {
    return;
  }
  var session = form.getAttribute("data-session");

  function valueOf(block) {
    var type = block.getAttribute("data-type");
    var inputs = block.querySelectorAll("input[name='" + block.getAttribute("data-q") + "'], textarea");
    var values = [];
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) {
          values.push(input.value);
        }
      } else if (input.value !== "") {
        values.push(input.value);
      }
    }
    return type === "multi" ? values.join("|") : (values[0] || "");
  }

  function setShown(id, shown) {
    var block = document.getElementById("q-" + id);
    if (!block) {
      return;
    }
    block.hidden = !shown;
    var controls = block.querySelectorAll("input, textarea");
    for (var i = 0; i < controls.length; i++) {
      controls[i].disabled = !shown;
    }
  }

  function showError(block, message) {
    var error = document.getElementById("err-" + block.getAttribute("data-q"));
    var controls = block.querySelectorAll("input:not([type='hidden']), textarea");
    error.textContent = message || "";
    error.hidden = !message;
    for (var i = 0; i < controls.length; i++) {
      if (message) {
        controls[i].setAttribute("aria-invalid", "true");
      } else {
        controls[i].removeAttribute("aria-invalid");
      }
    }
  }

  form.addEventListener("change", function (event) {
    var block = event.target.closest(".q");
    if (!block) {
      return;
    }
    var id = block.getAttribute("data-q");
    var value = valueOf(block);
    var url = "/api/v1/sessions/" + encodeURIComponent(session) + "/answers/" + encodeURIComponent(id);
    var request = value === ""
      ? fetch(url, { method: "DELETE" })
      : fetch(url, { method: "PUT", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ value: value }) });
    request.then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) {
          showError(block, "");
          (body.shown || []).forEach(function (q) { setShown(q, true); });
          (body.hidden || []).forEach(function (q) { setShown(q, false); });
          var bar = document.querySelector("progress");
          if (bar && body.progress) {
            bar.max = Math.max(1, body.progress.visible);
            bar.value = body.progress.answered;
          }
        } else if (response.status === 422) {
          showError(block, (body.problems || []).map(function (p) { return p.message; }).join(" "));
        }
      });
    }).catch(function () {
      // Offline for a moment: the form's own submit stores the answer later.
    });
  });
}());
