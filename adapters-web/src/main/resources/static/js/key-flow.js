// The common flow of the renewal's and the pickup's start screens: check the password for the
// certificate file, confirm the key creation, make the key pair and the certificate request in this
// browser (WebCrypto; the private key never leaves it), confirm saving, save the certificate as a
// PKCS#12 file protected by that password, and go on to the completion screen.
// The flows differ in their URLs and in when the request is sent: a renewal sends it before the
// second confirmation (いいえ there revokes the unused certificate), a pickup after it (the request
// uses up the issuance password, so いいえ at either confirmation leaves it usable).
import { createKeyAndRequest, buildPkcs12, downloadBytes } from './enrolment.js';
import { confirmInDialog, showAlert } from './steps.js';

/**
 * Runs the flow on the form's submit and enables its button.
 *
 * @param {HTMLFormElement} form with data-* texts: loginId, tooShort, mismatch, progressKey,
 *     progressRequest, progressSave, failed
 * @param {{cancel: function(string): Promise<{message: string}>,
 *          request: function(string): Promise<object>,
 *          requestBeforeSaveConfirmation: boolean}} flow
 *     cancel tells the server the customer said いいえ (at stage 'key' or 'save'); request sends the
 *     base64 certificate request and answers the issued certificate
 */
export function startKeyFlow(form, { cancel, request, requestBeforeSaveConfirmation }) {
  const texts = form.dataset;
  const password = document.getElementById('p12-password');
  const confirmation = document.getElementById('p12-password-confirm');
  const progress = form.querySelector('[role="status"]');
  const submit = form.querySelector('button[type="submit"]');

  function busy(text) {
    progress.textContent = text;
    form.setAttribute('aria-busy', text ? 'true' : 'false');
  }

  async function cancelAt(stage) {
    busy('');
    try {
      showAlert((await cancel(stage)).message);
    } catch (error) {
      showAlert(error.message);
    }
    form.hidden = true;
  }

  async function sendRequest(csrBase64) {
    busy(texts.progressRequest);
    const issued = await request(csrBase64);
    busy('');
    return issued;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (password.value.length < 8) {
      showAlert(texts.tooShort);
      password.focus();
      return;
    }
    if (password.value !== confirmation.value) {
      showAlert(texts.mismatch);
      confirmation.focus();
      return;
    }
    document.querySelector('[role="alert"]').hidden = true;
    submit.disabled = true;
    form.querySelectorAll('input, select').forEach((field) => { field.disabled = true; });
    try {
      if (!(await confirmInDialog(document.getElementById('confirm-key')))) {
        await cancelAt('key');
        return;
      }
      busy(texts.progressKey);
      const algorithm = document.getElementById('key-type').value;
      const { keyPair, csrBase64 } = await createKeyAndRequest({ algorithm, commonName: texts.loginId });
      busy('');
      let issued = requestBeforeSaveConfirmation ? await sendRequest(csrBase64) : null;
      if (!(await confirmInDialog(document.getElementById('confirm-save')))) {
        await cancelAt('save');
        return;
      }
      issued = issued ?? await sendRequest(csrBase64);
      busy(texts.progressSave);
      const decode = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const pkcs12 = await buildPkcs12({
        keyPair,
        certificateDer: decode(issued.certificate),
        caCertificatesDer: issued.caChain.map(decode),
        password: password.value,
        friendlyName: `${texts.loginId} ${issued.serial}`,
      });
      downloadBytes(pkcs12, issued.fileName);
      window.location.assign(issued.next);
    } catch (error) {
      busy('');
      showAlert(error.shown ? error.message : texts.failed);
      form.hidden = true;
    }
  });

  submit.disabled = false;
}
