// Registers a passkey during sign-in (combined registration interrupt mode), then posts the result.
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
        document.getElementById('register-response').value = JSON.stringify(response);
        form.submit();
      })
      .catch(function (error) {
        button.disabled = false;
        if (status) status.textContent = 'The passkey could not be registered: ' + (error && error.message ? error.message : error);
      });
  });
})();
