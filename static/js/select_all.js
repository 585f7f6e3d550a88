// A "select all" box ticks or clears every box of its list: the boxes whose `form`
// attribute names the form given in the box's data-select-all.
document.addEventListener("change", function (event) {
  var box = event.target;
  var form = box.getAttribute && box.getAttribute("data-select-all");
  if (!form) {
    return;
  }
  document.querySelectorAll('input[type="checkbox"][form="' + form + '"]').forEach(function (other) {
    if (!other.disabled) {
      other.checked = box.checked;
    }
  });
});
