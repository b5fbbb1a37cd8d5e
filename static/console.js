// Keyboard shortcuts of the console, listed by "?". Progressive enhancement only: every shortcut is a
// link or a form that the keyboard reaches without it. Keys typed into a field are never taken.
(function () {
  "use strict";
  var dialog = document.getElementById("shortcuts");

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function focusFirstField(container) {
    var field = container.querySelector("select, textarea, input:not([type=hidden])");
    container.scrollIntoView({ block: "start" });
    (field || container).focus();
  }

  function postUpdate() {
    var form = document.getElementById("update-form");
    if (form) {
      focusFirstField(form);
    } else {
      say("There is no update form on this page: open an incident first.");
    }
  }

  function say(text) {
    var status = document.getElementById("shortcut-status");
    if (status) {
      status.textContent = text;
    }
  }

  var actions = {
    "?": function () { if (dialog && !dialog.open) { dialog.showModal(); } },
    "/": function () { var search = document.getElementById("nav-search-q"); if (search) { search.focus(); } },
    "n": function () { var link = document.querySelector("[data-shortcut=new-incident]"); if (link) { window.location.href = link.href; } },
    "u": postUpdate
  };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || (dialog && dialog.open)) {
      return;
    }
    var action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  var opener = document.getElementById("shortcuts-open");
  if (opener && dialog) {
    opener.hidden = false;
    opener.addEventListener("click", function () { dialog.showModal(); });
  }

  // A form that came back with errors: its summary takes the focus, so that it is read out first.
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) {
    summary.focus();
  }
})();
