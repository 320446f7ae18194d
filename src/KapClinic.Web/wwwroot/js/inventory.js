// Receive a lot: the quantity's unit follows the product chosen (mL for a vial, otherwise pieces).
document.querySelectorAll('select[data-unit-target]').forEach((select) => {
  const target = document.getElementById(select.getAttribute('data-unit-target'));
  const update = () => {
    const unit = select.selectedOptions[0]?.getAttribute('data-unit');
    if (target) {
      target.textContent = unit ?? 'units';
    }
  };
  select.addEventListener('change', update);
});
