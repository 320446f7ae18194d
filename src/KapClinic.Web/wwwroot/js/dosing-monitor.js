// The dosing session page: saves a reading without reloading (the same form posts normally without JavaScript),
// swaps in the server's re-rendered bar, timeline and a fresh form, announces the save, and keeps the bar's
// minutes, the overdue badge and an untouched time field current between saves.
(() => {
  const root = document.querySelector('[data-monitor]');
  if (!root) {
    return;
  }

  const live = document.getElementById('monitor-live');
  const announce = (text) => {
    if (live) {
      live.textContent = '';
      window.setTimeout(() => { live.textContent = text; }, 50);
    }
  };

  // The server's clock and the clinic's UTC offset, read from the bar, so a tablet with a wrong clock or zone still shows clinic time.
  let skewMs = 0;
  let offsetMinutes = null;
  const readClock = () => {
    const bar = document.querySelector('#monitor-bar [data-server-now]');
    if (bar) {
      skewMs = Date.parse(bar.dataset.serverNow) - Date.now();
      offsetMinutes = Number(bar.dataset.clinicOffset);
    }
  };

  const pad = (n) => String(n).padStart(2, '0');
  const clinicNowValue = () => {
    const d = new Date(Date.now() + skewMs + offsetMinutes * 60000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };

  const tick = () => {
    const now = Date.now() + skewMs;
    const bar = document.querySelector('#monitor-bar [data-first-dose]');
    if (bar) {
      const minutes = document.querySelector('[data-minutes-since]');
      if (minutes) {
        minutes.textContent = String(Math.max(0, Math.floor((now - Date.parse(bar.dataset.firstDose)) / 60000)));
      }

      const badge = bar.querySelector('[data-overdue]');
      if (badge && bar.dataset.due) {
        const overdue = now > Date.parse(bar.dataset.due);
        badge.hidden = !overdue;
        bar.classList.toggle('is-overdue', overdue);
      }
    }

    const time = document.querySelector('#reading-form input[data-now-default]');
    if (time && offsetMinutes !== null && !Number.isNaN(offsetMinutes)) {
      time.value = clinicNowValue();
    }
  };

  // A time the user changed is theirs: stop moving it.
  document.addEventListener('input', (event) => {
    if (event.target.matches('#reading-form input[data-now-default]')) {
      event.target.removeAttribute('data-now-default');
    }
  });

  const swap = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    template.content.querySelectorAll('[data-swap][id]').forEach((fresh) => {
      const current = document.getElementById(fresh.id);
      if (current) {
        current.replaceWith(fresh);
      }
    });
    return template.content.getElementById('monitor-saved')?.dataset.message;
  };

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.matches('form[data-monitor-form]') || event.defaultPrevented) {
      return;
    }

    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
    }

    let response;
    try {
      response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'X-Requested-With': 'fetch' },
        credentials: 'same-origin',
      });
    } catch {
      if (button) {
        button.disabled = false;
      }
      announce('Not saved: the connection failed. Your reading is still in the form; try again.');
      return;
    }

    if (!response.headers.has('X-Monitor-Fragment')) {
      // Signed out, or something unexpected: let the server answer a normal post.
      HTMLFormElement.prototype.submit.call(form);
      return;
    }

    const message = swap(await response.text());
    readClock();
    tick();
    const fresh = document.querySelector('#reading-form form');
    if (response.ok) {
      announce(message ?? 'Reading saved.');
      fresh?.querySelector('input:not([type="hidden"]), select, textarea')?.focus();
    } else {
      const invalid = document.querySelector('#reading-form .input-validation-error');
      (invalid ?? fresh?.querySelector('input:not([type="hidden"]), select, textarea'))?.focus();
      announce('Not saved: correct the marked fields.');
    }
  });

  // "Add a reading" in the sticky bar: scroll to the form and put the focus in its first field (the link alone only scrolls).
  document.addEventListener('click', (event) => {
    const jump = event.target.closest('a[data-add-reading]');
    const field = jump && document.querySelector('#reading-form form input:not([type="hidden"]), #reading-form form select');
    if (!field) {
      return;
    }

    event.preventDefault();
    field.focus({ preventScroll: true });
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });

  readClock();
  tick();
  window.setInterval(tick, 15000);
})();
