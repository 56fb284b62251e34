// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // "Copy" buttons of the cite-this block: shown only when the clipboard is available.
  if (navigator.clipboard) {
    document.querySelectorAll("button.copy[data-copy-target]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var target = document.getElementById(button.dataset.copyTarget);
        var text = "value" in target ? target.value : target.textContent;
        navigator.clipboard.writeText(text).then(function () {
          var label = button.textContent;
          button.textContent = button.dataset.copied || "✓";
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }
  // Print buttons.
  document.querySelectorAll("button.print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
