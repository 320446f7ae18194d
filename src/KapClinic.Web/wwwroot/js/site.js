// Asks before a form (or the button that submits it) marked data-confirm is submitted (destructive or hard-to-undo actions).
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = event.submitter?.getAttribute('data-confirm') ?? form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// A button marked data-print prints the page (the print stylesheet hides navigation, filters and buttons).
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-print]')) {
    window.print();
  }
});
