// The dose form: shows mg/kg live from the weight of the day, fills the esketamine dose from the number of
// devices and the volume from the concentration, and shows what the dose takes from the chosen stock lot. The form
// works the same without it (the server shows mg/kg and the lot's share on every re-render).
(() => {
  const form = document.querySelector('form[data-dose-form]');
  if (!form) {
    return;
  }

  const weight = parseFloat(form.dataset.weightKg);
  const given = parseFloat(form.dataset.givenMg) || 0;
  const perDevice = parseFloat(form.dataset.mgPerDevice);
  const dose = form.querySelector('#Input_DoseMg');
  const output = form.querySelector('#dose-per-kg');
  const devices = form.querySelector('#Input_DeviceCount');
  const concentration = form.querySelector('#Input_ConcentrationMgPerMl');
  const volume = form.querySelector('#Input_VolumeMl');
  const lot = form.querySelector('#Input_LotId');
  const take = form.querySelector('#lot-take');
  let volumeTyped = volume !== null && volume.value !== '';

  const round = (value, places) => Math.round(value * 10 ** places) / 10 ** places;
  const number = (input) => (input && input.value !== '' ? parseFloat(input.value) : NaN);

  function showPerKg() {
    const mg = number(dose);
    if (!(mg > 0)) {
      output.textContent = weight > 0 ? '' : 'No weight of the day: record it on the checklist.';
      return;
    }

    if (!(weight > 0)) {
      output.textContent = 'No weight of the day: mg/kg unknown.';
      return;
    }

    let text = `${round(mg / weight, 2).toFixed(2)} mg/kg at ${weight} kg`;
    if (given > 0) {
      const total = given + mg;
      text += `; session total ${round(total, 2)} mg (${round(total / weight, 2).toFixed(2)} mg/kg)`;
    }

    output.textContent = text;
  }

  function fillVolume() {
    const mg = number(dose);
    const mgPerMl = number(concentration);
    if (volume && !volumeTyped && mg > 0 && mgPerMl > 0) {
      volume.value = round(mg / mgPerMl, 2);
    }
  }

  // "Takes 0.70 mL of 50 mg/mL from this lot." (2 decimals for mL, as the ledger counts).
  function showTake() {
    if (!lot || !take) {
      return;
    }

    const option = lot.selectedOptions[0];
    const mg = number(dose);
    const perUnit = option ? parseFloat(option.dataset.mgPerUnit) : NaN;
    if (!(mg > 0) || !(perUnit > 0)) {
      take.textContent = '';
      return;
    }

    const unit = option.dataset.unit;
    const units = round(mg / perUnit, 2);
    const quantity = unit === 'mL' ? `${units.toFixed(2)} mL` : `${units} ${units === 1 ? unit : `${unit}s`}`;
    take.textContent = `Takes ${quantity} of ${option.dataset.strength} from this lot.`;
  }

  dose.addEventListener('input', () => { showPerKg(); fillVolume(); showTake(); });
  if (lot) {
    lot.addEventListener('change', showTake);
  }
  if (concentration && volume) {
    concentration.addEventListener('input', fillVolume);
    volume.addEventListener('input', () => { volumeTyped = volume.value !== ''; });
  }
  if (devices) {
    devices.addEventListener('input', () => {
      const count = number(devices);
      if (count >= 1 && count <= 3) {
        dose.value = count * perDevice;
        showPerKg();
        fillVolume();
        showTake();
      }
    });
  }

  showPerKg();
  showTake();
})();
