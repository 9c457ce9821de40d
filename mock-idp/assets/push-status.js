// Polls the push request's status and continues the sign-in when the app has answered.
(function () {
  var form = document.getElementById('push-continue');
  var status = document.getElementById('push-status');
  if (!form) return;
  var href = form.getAttribute('data-status-href');
  var words = { awaitingUnlock: 'Number accepted. Confirm with your PIN or biometric in the app…' };
  function poll() {
    fetch(href, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        if (body.status === 'pending' || body.status === 'awaitingUnlock') {
          if (words[body.status] && status) status.textContent = words[body.status];
          setTimeout(poll, 1000);
        } else {
          form.submit();
        }
      })
      .catch(function () {
        setTimeout(poll, 2000);
      });
  }
  setTimeout(poll, 1000);
})();
