// Integration note form: shows the narrative parts of the chosen format (DAP or SOAP). A part of the other format
// stays visible while it still holds text, so nothing typed is ever hidden. Without script every part shows.
(() => {
  const form = document.querySelector('form[data-note-format]');
  if (!form) {
    return;
  }

  const update = () => {
    const chosen = form.querySelector('input[name="Input.Format"]:checked')?.value;
    form.querySelectorAll('[data-format-part]:not([data-format-part=""])').forEach((part) => {
      const field = part.querySelector('textarea');
      part.hidden = chosen !== undefined && part.dataset.formatPart !== chosen && !(field && field.value.trim());
    });
  };

  form.addEventListener('change', (event) => {
    if (event.target.name === 'Input.Format') {
      update();
    }
  });
  update();
})();
