// recoupe HTML report: the page works without this script. It only opens every <details>
// before printing, so that full texts and other wordings are on paper too.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) {
    if (!d.open) { d.setAttribute("data-was-closed", ""); d.open = true; }
  });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-was-closed]").forEach(function (d) {
    d.open = false; d.removeAttribute("data-was-closed");
  });
});
