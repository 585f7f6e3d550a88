// A button or form with data-confirm asks before it acts: the text says what will
// happen and what cannot be undone. Without scripts the move still runs, and its
// service checks it as always.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var text = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
  if (text && !window.confirm(text)) {
    event.preventDefault();
  }
});
