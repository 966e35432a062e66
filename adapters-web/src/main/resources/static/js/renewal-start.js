// 電子証明書更新開始: the two confirmations of the bank's manual, with the work done in this browser.
// Confirmation 1: the key pair is made here (WebCrypto) and only the certificate request is sent.
// Confirmation 2: the certificate is saved here as a PKCS#12 file protected by the customer's password.
import { createKeyAndRequest, buildPkcs12, downloadBytes } from './enrolment.js';
import { confirmInDialog, post, showAlert } from './steps.js';

const form = document.getElementById('renewal');
const texts = form.dataset;
const base = `/renewal/${texts.renewal}`;
const password = document.getElementById('p12-password');
const confirmation = document.getElementById('p12-password-confirm');
const progress = form.querySelector('[role="status"]');
const submit = form.querySelector('button[type="submit"]');

function busy(text) {
  progress.textContent = text;
  form.setAttribute('aria-busy', text ? 'true' : 'false');
}

async function cancel(stage) {
  busy('');
  try {
    const reply = await post(`${base}/abandon`, texts.csrf, { stage });
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
      await cancel('key');
      return;
    }
    busy(texts.progressKey);
    const algorithm = document.getElementById('key-type').value;
    const { keyPair, csrBase64 } = await createKeyAndRequest({ algorithm, commonName: texts.loginId });
    busy(texts.progressRequest);
    const issued = await post(`${base}/request`, texts.csrf, { csr: csrBase64 });
    busy('');
    if (!(await confirmInDialog(document.getElementById('confirm-save')))) {
      await cancel('save');
      return;
    }
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
