// Export links marked data-download are fetched here so the user sees progress: a streamed CSV or XLSX shows the
// bytes received as they arrive; a PDF (made whole before it is sent) shows an indeterminate "Preparing…" bar until
// the response starts. The file is then saved from a blob. Without JavaScript the links download as plain links.
(() => {
  const bar = document.getElementById('export-progress');
  const status = document.getElementById('export-status');
  if (!bar || !status || !window.fetch || !window.URL) {
    return;
  }

  const inner = bar.querySelector('.progress-bar');
  const kb = (n) => n < 1048576 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1048576).toFixed(1)} MB`;
  const show = (text, indeterminate) => {
    bar.classList.remove('d-none');
    inner.classList.toggle('progress-bar-animated', indeterminate);
    inner.classList.toggle('progress-bar-striped', indeterminate);
    status.textContent = text;
  };
  const fileName = (response, fallback) => {
    const header = response.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    const plain = /filename="?([^";]+)"?/i.exec(header);
    return star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallback;
  };

  document.querySelectorAll('a[data-download]').forEach((link) => {
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      const format = link.dataset.download;
      show(format === 'pdf' ? 'Preparing the PDF…' : 'Starting the export…', true);
      try {
        const response = await fetch(link.href, { credentials: 'same-origin' });
        const type = response.headers.get('Content-Type') || '';
        if (!response.ok || type.startsWith('text/html')) {
          window.location.href = link.href; // the page explains what to change
          return;
        }

        const chunks = [];
        let received = 0;
        const reader = response.body.getReader();
        show(`Downloading ${format.toUpperCase()}…`, false);
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            break;
          }

          chunks.push(value);
          received += value.length;
          status.textContent = `Downloading ${format.toUpperCase()}: ${kb(received)} received`;
        }

        const url = URL.createObjectURL(new Blob(chunks, { type }));
        const save = document.createElement('a');
        save.href = url;
        save.download = fileName(response, `report.${format}`);
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        bar.classList.add('d-none');
        status.textContent = `Downloaded ${save.download} (${kb(received)}).`;
      } catch {
        bar.classList.add('d-none');
        status.textContent = 'The export stopped. Try again, or choose a shorter period.';
      }
    });
  });
})();
