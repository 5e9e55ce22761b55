/* SecureMailGate task pane: checks the message being composed on request and shows the full explanation. */
(function () {
  "use strict";

  function show(text) {
    document.getElementById("result").textContent = text;
  }

  function run() {
    show("Checking...");
    SecureMailGate.check(Office.context.mailbox.item).then(function (answer) {
      var prompt = answer && answer.prompt;
      show(prompt && prompt.details
        ? prompt.details
        : "Nothing to change: the gateway will send this message as it is.");
    }, function () {
      show("The check could not be done just now. You can still send: the gateway checks every message. If this keeps happening, contact your IT service desk.");
    });
  }

  // Opened from a Smart Alerts dialog ("See why") or the ribbon: check at once, and again on request.
  Office.onReady(function () {
    document.getElementById("check").onclick = run;
    run();
  });
}());
