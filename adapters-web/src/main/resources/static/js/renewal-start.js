// 電子証明書更新開始: the two confirmations of the bank's manual, with the work done in this browser.
// Confirmation 1: the key pair is made here (WebCrypto) and only the certificate request is sent.
// Confirmation 2: the certificate is saved here as a PKCS#12 file protected by the customer's password.
import { startKeyFlow } from './key-flow.js';
import { post } from './steps.js';

const form = document.getElementById('renewal');
const base = `/renewal/${form.dataset.renewal}`;

startKeyFlow(form, {
  cancel: (stage) => post(`${base}/abandon`, form.dataset.csrf, { stage }),
  request: (csr) => post(`${base}/request`, form.dataset.csrf, { csr }),
  requestBeforeSaveConfirmation: true,
});
