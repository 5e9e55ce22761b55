/*
 * A stand-in for the parts of Outlook's Office.js mailbox API that launchevent.js uses, following the documented
 * asynchronous result pattern: every *Async method takes optional options ({ asyncContext }) and a callback, and calls
 * the callback later (never synchronously) with { status, value, error, asyncContext }.
 * The test sets __mailbox (JSON) before this file runs; what the handler did is left in __outcome.
 */
var __outcome = { completed: null, completions: 0, associated: {}, subjectSets: [], logs: [], attachmentReads: 0 };

var console = {
  log: function () { __outcome.logs.push(Array.prototype.join.call(arguments, " ")); },
  error: function () { __outcome.logs.push(Array.prototype.join.call(arguments, " ")); }
};

function setTimeout(fn, ms) { return __host.setTimeout(fn, ms || 0); }
function clearTimeout(id) { if (id !== undefined && id !== null) { __host.clearTimeout(id); } }

function fetch(url, init) {
  init = init || {};
  return new Promise(function (resolve, reject) {
    __host.fetch(String(url), init.method || "GET", JSON.stringify(init.headers || {}), init.body === undefined ? null : init.body,
      function (status, body) {
        resolve({
          ok: status >= 200 && status < 300,
          status: status,
          json: function () { return new Promise(function (ok) { ok(JSON.parse(body)); }); },
          text: function () { return Promise.resolve(body); }
        });
      },
      function (message) { reject(new TypeError(message)); });
  });
}

var Office = (function () {
  var mailbox = __mailbox;
  var fails = mailbox.fail || [];

  function split(args) {
    var list = Array.prototype.slice.call(args);
    var callback = typeof list[list.length - 1] === "function" ? list.pop() : null;
    var options = list.length > 0 && list[list.length - 1] && typeof list[list.length - 1] === "object" ? list.pop() : {};
    return { rest: list, callback: callback, asyncContext: options.asyncContext };
  }

  function answer(call, what, produce) {
    setTimeout(function () {
      if (!call.callback) {
        return;
      }
      if (fails.indexOf(what) >= 0) {
        call.callback({ status: "failed", value: undefined, asyncContext: call.asyncContext,
          error: { code: 9002, name: "InternalServerError", message: "The operation failed." } });
        return;
      }
      call.callback({ status: "succeeded", value: produce(), asyncContext: call.asyncContext, error: undefined });
    }, mailbox.delayMs || 0);
  }

  function recipients(name) {
    return { getAsync: function () { var call = split(arguments); answer(call, name, function () { return mailbox[name] || []; }); } };
  }

  var item = {
    itemType: "message",
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    subject: {
      getAsync: function () { var call = split(arguments); answer(call, "subject", function () { return mailbox.subject; }); },
      setAsync: function (subject) {
        var call = split(Array.prototype.slice.call(arguments, 1));
        if (typeof subject !== "string") { throw new Error("setAsync needs a string"); }
        answer(call, "setSubject", function () { mailbox.subject = subject; __outcome.subjectSets.push(subject); return undefined; });
      }
    },
    body: {
      getAsync: function (coercionType) {
        var call = split(Array.prototype.slice.call(arguments, 1));
        answer(call, "body", function () { return coercionType === "html" ? mailbox.bodyHtml : mailbox.bodyText; });
      }
    },
    getAttachmentsAsync: function () {
      var call = split(arguments);
      answer(call, "attachments", function () {
        return (mailbox.attachments || []).map(function (a) {
          return { id: a.id, name: a.name, contentType: a.contentType, size: a.size, attachmentType: a.attachmentType, isInline: a.isInline };
        });
      });
    },
    getAttachmentContentAsync: function (id) {
      var call = split(Array.prototype.slice.call(arguments, 1));
      answer(call, "attachmentContent", function () {
        __outcome.attachmentReads++;
        var found = (mailbox.attachments || []).filter(function (a) { return a.id === id; })[0];
        return { format: found.format, content: found.content };
      });
    }
  };

  return {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    MailboxEnums: {
      SendModeOverride: { PromptUser: "promptUser" },
      AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" }
    },
    actions: { associate: function (name, handler) { __outcome.associated[name] = handler; } },
    context: {
      platform: "PC",
      mailbox: {
        item: item,
        userProfile: { emailAddress: mailbox.sender, displayName: "Sender" },
        // Documented as getUserIdentityTokenAsync(callback, userContext): the callback comes first.
        getUserIdentityTokenAsync: function (callback, userContext) {
          answer({ callback: callback, asyncContext: userContext }, "token", function () { return mailbox.token; });
        }
      }
    }
  };
}());

function __sendEvent() {
  return {
    type: "OnMessageSend",
    completed: function (options) {
      __outcome.completions++;
      __outcome.completed = options === undefined ? {} : JSON.parse(JSON.stringify(options));
      __host.completed();
    }
  };
}
