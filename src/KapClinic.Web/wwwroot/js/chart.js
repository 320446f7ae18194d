// The patient chart's header is sticky: sections scroll to just below it, whatever its height (alerts vary).
(() => {
  const header = document.getElementById('chart-header');
  if (!header) {
    return;
  }

  const update = () => {
    const sticky = getComputedStyle(header).position === 'sticky';
    document.documentElement.style.setProperty('--chart-header-height', sticky ? `${header.offsetHeight + 16}px` : '1rem');
  };
  update();
  window.addEventListener('resize', update);
})();
