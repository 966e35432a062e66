// The console's confirmation dialogs. A form with data-confirm-dialog="<dialog id>" is not sent
// at its first submit: the dialog opens (modal) showing what was typed, and its confirm button,
// a submit button of the form named "confirmed", sends it. Without this script the server shows
// the same dialog itself before registering anything.
for (const form of document.querySelectorAll('form[data-confirm-dialog]')) {
  const dialog = document.getElementById(form.dataset.confirmDialog);
  if (!dialog) {
    continue;
  }
  form.addEventListener('submit', (event) => {
    const submitter = event.submitter;
    if (submitter && submitter.name === 'confirmed') {
      return;
    }
    event.preventDefault();
    for (const target of dialog.querySelectorAll('[data-from]')) {
      const field = form.elements.namedItem(target.dataset.from);
      target.textContent = field ? field.value : '';
    }
    if (dialog.open) {
      dialog.close();
    }
    dialog.showModal();
  });
  for (const close of dialog.querySelectorAll('[data-close-dialog]')) {
    close.addEventListener('click', () => dialog.close());
  }
}
