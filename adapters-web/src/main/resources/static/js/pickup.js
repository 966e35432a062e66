// 証明書取得: the renewal's key creation, two confirmations and PKCS#12 download, for an ID that
// holds no certificate yet. The server already checked the login ID, login password and issuance
// password and keeps them in the session: this page sends only the certificate request.
// Confirmation 1: the key pair is made here (WebCrypto); the private key never leaves the browser.
// Confirmation 2: the certificate is saved here. It is asked before the request is sent, because
// the request uses up the issuance password: いいえ at either one leaves it usable.
import { createKeyAndRequest, buildPkcs12, downloadBytes } from './enrolment.js';
import { confirmInDialog, post, showAlert } from './steps.js';

const form = document.getElementById('pickup');
const texts = form.dataset;
const password = document.getElementById('p12-password');
const confirmation = document.getElementById('p12-password-confirm');
const progress = form.querySelector('[role="status"]');
const submit = form.querySelector('button[type="submit"]');

function busy(text) {
  progress.textContent = text;
  form.setAttribute('aria-busy', text ? 'true' : 'false');
}

async function cancel() {
  busy('');
  try {
    const reply = await post('/pickup/cancel', texts.csrf, {});
    showAlert(reply.message);
  } catch (error) {
    showAlert(error.message);
  }
  form.hidden = true;
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
      await cancel();
      return;
    }
    busy(texts.progressKey);
    const algorithm = document.getElementById('key-type').value;
    const { keyPair, csrBase64 } = await createKeyAndRequest({ algorithm, commonName: texts.loginId });
    busy('');
    if (!(await confirmInDialog(document.getElementById('confirm-save')))) {
      await cancel();
      return;
    }
    busy(texts.progressRequest);
    const issued = await post('/pickup/request', texts.csrf, { csr: csrBase64 });
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
