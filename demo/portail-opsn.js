// Shows the events a portal receives from the questionnaire, as an integrator would log them.
const log = document.getElementById('event-log');
for (const type of ['barometre-step', 'barometre-draft-saved', 'barometre-submitted', 'barometre-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString('fr-FR')} ${type} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}
