// Registers a passkey for a user on the control API's registration page (tests and demos).
(function () {
  var form = document.getElementById('register-form');
  var button = document.getElementById('register-start');
  var status = document.getElementById('register-status');
  if (!form || !button) return;
  button.addEventListener('click', function () {
    button.disabled = true;
    fetch(form.getAttribute('data-options-href'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (options) { return SimpleWebAuthnBrowser.startRegistration({ optionsJSON: options }); })
      .then(function (response) {
        return fetch(form.getAttribute('action'), { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(response) });
      })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (status) status.textContent = body.registered ? 'Passkey registered.' : 'Registration failed.';
        button.disabled = false;
      })
      .catch(function (error) {
        button.disabled = false;
        if (status) status.textContent = 'Registration failed: ' + (error && error.message ? error.message : error);
      });
  });
})();
