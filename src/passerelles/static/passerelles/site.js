// Small behaviours of the pages, attached by data attributes (no inline script: the
// Content-Security-Policy allows scripts from static files only).
(function () {
  "use strict";

  // A <select data-autosubmit> sends its form when changed (the language switch).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
      target.form.submit();
    }
    // Picking a prompt template copies it into the prompt field, where it can be edited.
    if (target.matches && target.matches("select[data-prompt-template]")) {
      var fieldset = target.closest("fieldset");
      var prompt = fieldset && fieldset.querySelector("input[name$='-prompt']");
      if (prompt && target.value) { prompt.value = target.value; prompt.focus(); }
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) { return; }
    // <input data-select-on-click>: one click selects the whole value (to copy it).
    if (target.matches("input[data-select-on-click]")) { target.select(); }
    // <button data-print>: prints the page.
    if (target.closest("[data-print]")) { window.print(); }
    // <button data-copy="id" data-copied="done">: copies that field's value, then says so.
    var copy = target.closest("[data-copy]");
    if (copy) { copyValue(copy); }
  });

  function copyValue(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    // A field's value, or the text of an element (a proposed message in a <pre>).
    var text = field.value !== undefined ? field.value : field.textContent;
    var selectIt = function () {
      if (field.select) { field.select(); return; }
      var range = document.createRange();
      range.selectNodeContents(field);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    };
    var done = function () {
      button.textContent = button.getAttribute("data-copied") || button.textContent;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, selectIt);  // refused: selected for Ctrl+C
    } else {
      selectIt();
      if (document.execCommand && document.execCommand("copy")) { done(); }
    }
  }

  // On a phone the main menu folds behind its « Menu » button (three lines of links took a
  // fifth of the screen on every page); without scripts it stays open.
  var toggle = document.querySelector(".nav-toggle");
  var header = document.querySelector(".site-header");
  var links = document.querySelectorAll("#main-nav li").length;
  if (toggle && header && links > 2) {  // a visitor's one link stays as it is
    toggle.hidden = false;
    header.classList.add("nav-folds");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("nav-open", open);
    });
  }

  // <form data-confirm="question">: asks before sending.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });
})();
