// Runs a WebAuthn ceremony with @simplewebauthn/browser for any form marked data-webauthn="registration" or
// "authentication": fetches options from data-options-href, then either fills the hidden
// input[data-webauthn-response] and submits the form (sign-in pages), or POSTs the result as JSON to the
// form's action and shows data-success / data-failure (the control API's registration page).
(function () {
  var forms = document.querySelectorAll('form[data-webauthn]');
  Array.prototype.forEach.call(forms, function (form) {
    var button = form.querySelector('[data-webauthn-start]');
    var status = document.getElementById(form.getAttribute('data-status-id'));
    var hidden = form.querySelector('input[data-webauthn-response]');
    var isRegistration = form.getAttribute('data-webauthn') === 'registration';
    var say = function (text) {
      if (status && text) status.textContent = text;
    };
    if (!button) return;
    button.addEventListener('click', function () {
      button.disabled = true;
      say(form.getAttribute('data-waiting'));
      fetch(form.getAttribute('data-options-href'), { credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) {
          return r.json();
        })
        .then(function (options) {
          return isRegistration
            ? SimpleWebAuthnBrowser.startRegistration({ optionsJSON: options })
            : SimpleWebAuthnBrowser.startAuthentication({ optionsJSON: options });
        })
        .then(function (response) {
          if (hidden) {
            hidden.value = JSON.stringify(response);
            form.submit();
            return;
          }
          return fetch(form.getAttribute('action'), {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(response),
          })
            .then(function (r) {
              return r.json();
            })
            .then(function (body) {
              say(body.registered ? form.getAttribute('data-success') : form.getAttribute('data-failure'));
              button.disabled = false;
            });
        })
        .catch(function (error) {
          button.disabled = false;
          say(form.getAttribute('data-failure') + ': ' + (error && error.message ? error.message : error));
        });
    });
  });
})();
