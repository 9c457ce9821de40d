// Runs WebAuthn for the passkey sign-in page with @simplewebauthn/browser, then posts the result.
(function () {
  var form = document.getElementById('fido2-form');
  var button = document.getElementById('fido2-start');
  var status = document.getElementById('fido2-status');
  if (!form || !button) return;
  button.addEventListener('click', function () {
    button.disabled = true;
    if (status) status.textContent = 'Waiting for your passkey…';
    fetch(form.getAttribute('data-options-href'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (options) { return SimpleWebAuthnBrowser.startAuthentication({ optionsJSON: options }); })
      .then(function (response) {
        document.getElementById('fido2-response').value = JSON.stringify(response);
        form.submit();
      })
      .catch(function (error) {
        button.disabled = false;
        if (status) status.textContent = 'The passkey could not be used: ' + (error && error.message ? error.message : error);
      });
  });
})();
