// Live preview of Markdown fields in the console. Progressive enhancement only: every form has a
// Preview button that does the same through the server without JavaScript. The HTML comes from
// POST /console/preview, rendered by the same safe renderer as the public page, with each
// [Write: …] prompt still to replace already in <mark class="prompt"> by the server.
(function () {
  "use strict";
  var DELAY_MS = 400;

  function enhance(area) {
    var form = area.form;
    var section = document.getElementById(area.getAttribute("data-preview"));
    var output = section && section.querySelector("[data-preview-output]");
    var token = form && form.querySelector("input[name=_csrf]");
    if (!output || !token) {
      return;
    }
    var timer = null;
    var latest = 0;
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, DELAY_MS);
    });

    function render() {
      var ticket = ++latest;
      var body = new URLSearchParams();
      body.set("_csrf", token.value);
      body.set("body", area.value);
      fetch("/console/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null && ticket === latest) {
            output.innerHTML = html; // already made safe by the server's Markdown renderer
            section.hidden = area.value.trim() === "";
          }
        })
        .catch(function () { /* offline: the Preview button still works */ });
    }
  }

  document.querySelectorAll("textarea[data-preview]").forEach(enhance);
})();
