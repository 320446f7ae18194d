// Asks before a form marked data-confirm is submitted (destructive or hard-to-undo actions).
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
