/*
 * SecureMailGate Outlook add-in: when the sender selects Send (OnMessageSend, Smart Alerts), ask the verdict service
 * what the mail gateway will do with the message, and act on the answer:
 *   allow   -> the message is sent;
 *   encrypt -> the encryption token is put in front of the subject and the sender is told why; they select Send again;
 *   block   -> the message is not sent and the sender is told, recipient by recipient, what to do;
 *   warn    -> the sender is told what to check and may choose Send Anyway.
 * The gateway checks every message anyway: whenever the service cannot be asked in time (unreachable, slow, refusing,
 * message too large to send it), the message is sent and the gateway decides. Nothing is logged about the message.
 * One file with no imports: classic Outlook on Windows loads it directly into its JavaScript-only runtime.
 * The service serves this file with https://securemailgate.invalid replaced by its own address.
 */
var SecureMailGate = (function () {
  "use strict";

  var SERVICE_URL = "https://securemailgate.invalid/api/v1/evaluate";
  // Outlook tells the sender the add-in is "taking longer than expected" after 5 seconds: give up before that.
  var TIMEOUT_MS = 4000;
  // Larger messages are left to the gateway rather than copied to the service while the sender waits.
  var MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

  // Office's asynchronous result pattern as a promise.
  function call(start) {
    return new Promise(function (resolve, reject) {
      start(function (result) {
        if (result && result.status === Office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
        } else {
          reject(new Error("office-call-failed"));
        }
      });
    });
  }

  function addresses(recipients) {
    var list = [];
    for (var i = 0; i < (recipients || []).length; i++) {
      if (recipients[i] && recipients[i].emailAddress) {
        list.push(recipients[i].emailAddress);
      }
    }
    return list;
  }

  function readAttachments(item, details) {
    var total = 0;
    var wanted = [];
    for (var i = 0; i < (details || []).length; i++) {
      var d = details[i];
      // A cloud attachment is a link in the message; the gateway sees only the link, so the service does too.
      if (d.attachmentType === "cloud") {
        continue;
      }
      total += d.size || 0;
      wanted.push(d);
    }
    if (total > MAX_ATTACHMENT_BYTES) {
      return Promise.reject(new Error("attachments-too-large"));
    }

    var read = [];
    var chain = Promise.resolve();
    wanted.forEach(function (d) {
      chain = chain.then(function () {
        return call(function (done) { item.getAttachmentContentAsync(d.id, done); }).then(function (content) {
          if (content.format === "url") {
            return;
          }
          read.push({
            name: d.name,
            contentType: d.contentType,
            format: content.format,
            content: content.content,
            isInline: !!d.isInline
          });
        });
      });
    });
    return chain.then(function () { return read; });
  }

  // What the service needs: sender, recipients, subject, body and attachments.
  function readMessage(item) {
    return Promise.all([
      call(function (done) { item.to.getAsync(done); }),
      call(function (done) { item.cc.getAsync(done); }),
      call(function (done) { item.bcc.getAsync(done); }),
      call(function (done) { item.subject.getAsync(done); }),
      call(function (done) { item.body.getAsync(Office.CoercionType.Html, done); }),
      call(function (done) { item.getAttachmentsAsync(done); })
    ]).then(function (values) {
      return readAttachments(item, values[5]).then(function (attachments) {
        return {
          sender: Office.context.mailbox.userProfile.emailAddress,
          to: addresses(values[0]),
          cc: addresses(values[1]),
          bcc: addresses(values[2]),
          subject: values[3] || "",
          body: { type: "html", content: values[4] || "" },
          attachments: attachments
        };
      });
    });
  }

  function ask(message, token) {
    return fetch(SERVICE_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(message)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("service-answered-" + response.status);
      }
      return response.json();
    });
  }

  /** Reads the message being composed and asks the service; resolves with the service's answer. */
  function check(item) {
    if (!item || !item.to) {
      return Promise.reject(new Error("no-message"));
    }
    return readMessage(item).then(function (message) {
      if (message.to.length + message.cc.length + message.bcc.length === 0) {
        throw new Error("no-recipients");
      }
      return call(function (done) { Office.context.mailbox.getUserIdentityTokenAsync(done); }).then(function (token) {
        return ask(message, token);
      });
    });
  }

  /** Turns the service's prompt into the options for event.completed (changing the subject for encrypt). */
  function act(item, prompt) {
    var action = prompt && prompt.action;
    if (action === "block") {
      // "See why" opens the task pane, which explains every stopped recipient (the dialog holds 500 characters).
      return Promise.resolve({
        allowEvent: false,
        errorMessage: prompt.message,
        cancelLabel: "See why",
        commandId: "msgComposeOpenPaneButton"
      });
    }
    if (action === "warn") {
      return Promise.resolve({
        allowEvent: false,
        errorMessage: prompt.message,
        sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser
      });
    }
    if (action === "encrypt") {
      return call(function (done) { item.subject.setAsync(prompt.subject, done); }).then(function () {
        return { allowEvent: false, errorMessage: prompt.message };
      }, function () {
        return {
          allowEvent: false,
          errorMessage: "This message must go encrypted. Add " + prompt.token + " to the start of the subject, then select Send again."
        };
      });
    }
    return Promise.resolve({ allowEvent: true });
  }

  function onMessageSendHandler(event) {
    var finished = false;
    function complete(options, why) {
      if (finished) {
        return;
      }
      finished = true;
      if (why) {
        console.log("SecureMailGate: message left to the gateway (" + why + ").");
      }
      event.completed(options);
    }

    var item = Office.context.mailbox.item;
    var deadline = setTimeout(function () { complete({ allowEvent: true }, "timeout"); }, TIMEOUT_MS);
    check(item).then(function (answer) {
      return act(item, answer && answer.prompt);
    }).then(function (options) {
      clearTimeout(deadline);
      complete(options);
    }, function (error) {
      clearTimeout(deadline);
      complete({ allowEvent: true }, error && error.message ? error.message : "error");
    });
  }

  return { check: check, act: act, onMessageSendHandler: onMessageSendHandler };
}());

function onMessageSendHandler(event) {
  SecureMailGate.onMessageSendHandler(event);
}

// Map the manifest's FunctionName to the handler (required by classic Outlook on Windows).
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
}
