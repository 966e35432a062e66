// このウィンドウを閉じる: closes the window when the browser allows it, and says what to do otherwise.
document.getElementById('close-window').addEventListener('click', () => {
  window.close();
  document.querySelector('.close-fallback').hidden = false;
});
