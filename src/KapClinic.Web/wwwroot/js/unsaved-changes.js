// Warns before leaving a page whose form (marked data-warn-unsaved) has changes that were not saved.
// Submitting the form is leaving on purpose, so it clears the warning.
(() => {
  const forms = document.querySelectorAll('form[data-warn-unsaved]');
  if (forms.length === 0) {
    return;
  }

  let dirty = document.querySelector('form[data-warn-unsaved][data-unsaved="true"]') !== null;
  forms.forEach((form) => {
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('change', () => { dirty = true; });
  });

  // Registered after site.js's confirm handler, so a cancelled confirmation is already known here.
  document.addEventListener('submit', (event) => {
    if (event.target.matches('form[data-warn-unsaved]') && !event.defaultPrevented) {
      dirty = false;
    }
  });

  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
