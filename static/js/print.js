// "In danh sách": a button with data-print opens the browser's print dialog; the
// print stylesheet (css/print.css) leaves only the list on the page.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
