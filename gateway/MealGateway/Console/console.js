// The operator console's only script: refresh the live parts of a page, and ask before destructive buttons.
'use strict';
document.querySelectorAll('[data-live]').forEach(function (box) {
  setInterval(function () {
    fetch(box.getAttribute('data-live'), { credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) { if (html !== null) { box.innerHTML = html; } })
      .catch(function () { /* the gateway restarting: try again on the next tick */ });
  }, 5000);
});
document.addEventListener('click', function (e) {
  var question = e.target.getAttribute && e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { e.preventDefault(); }
});
