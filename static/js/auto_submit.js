// A list's selector applies as soon as it is changed: a <select data-auto-submit>
// submits its own (GET) form. Without JavaScript the form's button still does it.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.hasAttribute || !select.hasAttribute("data-auto-submit") || !select.form) {
    return;
  }
  if (select.form.requestSubmit) {
    select.form.requestSubmit();
  } else {
    select.form.submit();
  }
});
