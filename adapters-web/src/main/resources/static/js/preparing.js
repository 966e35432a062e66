// 電子証明書更新前処理中: prepares the renewal on the server, then moves on by itself.
import { post, showAlert } from './steps.js';

const page = document.getElementById('preparing');
try {
  const reply = await post(`/renewal/${page.dataset.renewal}/prepare`, page.dataset.csrf);
  window.location.replace(reply.next);
} catch (error) {
  document.querySelector('[role="status"]').hidden = true;
  showAlert(error.message);
}
