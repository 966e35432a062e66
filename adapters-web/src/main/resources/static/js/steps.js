// What the renewal pages share: JSON calls with the session's CSRF token, and the alert area.

export async function post(url, csrf, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: JSON.stringify(body ?? {}),
  });
  let reply = {};
  try {
    reply = await response.json();
  } catch {
    // an empty or non-JSON reply: the status says enough
  }
  if (response.status === 401 && reply.login) {
    window.location.assign(reply.login);
    throw new Error(reply.error || 'session expired');
  }
  if (!response.ok) {
    const error = new Error(reply.error || `HTTP ${response.status}`);
    error.shown = Boolean(reply.error);
    throw error;
  }
  return reply;
}

/** Shows a message in the page's alert, with the link back to the main menu. */
export function showAlert(text) {
  const alert = document.querySelector('[role="alert"]');
  alert.textContent = text;
  alert.hidden = false;
  const back = document.querySelector('.back');
  if (back) {
    back.hidden = false;
  }
}

/** Opens a confirmation dialog and resolves true for はい, false for いいえ or Escape. */
export function confirmInDialog(dialog) {
  return new Promise((resolve) => {
    const answer = (value) => () => {
      dialog.close();
      resolve(value);
    };
    const yes = dialog.querySelector('button[value="yes"]');
    const no = dialog.querySelector('button[value="no"]');
    yes.onclick = answer(true);
    no.onclick = answer(false);
    dialog.oncancel = (event) => {
      event.preventDefault();
      answer(false)();
    };
    dialog.showModal();
    yes.focus();
  });
}
