// 証明書取得: the renewal's key creation, two confirmations and PKCS#12 download, for an ID that
// holds no certificate yet. The server already checked the login ID, login password and issuance
// password and keeps them in the session: this page sends only the certificate request.
// Confirmation 1: the key pair is made here (WebCrypto); the private key never leaves the browser.
// Confirmation 2: the certificate is saved here. It is asked before the request is sent, because
// the request uses up the issuance password: いいえ at either one leaves it usable.
import { startKeyFlow } from './key-flow.js';
import { post } from './steps.js';

const form = document.getElementById('pickup');

startKeyFlow(form, {
  cancel: () => post('/pickup/cancel', form.dataset.csrf, {}),
  request: (csr) => post('/pickup/request', form.dataset.csrf, { csr }),
  requestBeforeSaveConfirmation: false,
});
