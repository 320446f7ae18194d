// A button marked data-print opens the browser's print dialog (the page's print stylesheet hides the app's chrome).
document.querySelectorAll('[data-print]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
