/*
 * phuluc: the old-engine check. ES5 only (no let/const, arrow functions, template strings, classes; no
 * eval): it must run in Internet Explorer 11 and Edge Legacy, the web views of Office 2016 and 2019
 * (volume-licensed, or retail without WebView2), which cannot even parse phuluc's bundles. This file is
 * ASCII only: an old engine may read it in another charset. Included in taskpane.html and commands.html
 * after office.js and before the bundles, and in the web app's index.html before its bundle
 * (scripts/legacy-script.js generates the served file from this one, putting in the texts of
 * src/i18n/legacy.ts and the ribbon's function names; see test/legacy and test/e2e/old-engine.e2e.test.ts).
 *
 * On a modern engine it does nothing. On an old one it sets window.phulucOldEngine (the bundles step
 * aside: they are module scripts, which IE 11 skips, and EdgeHTML fails to parse), and:
 * - in the task pane: replaces the page's loading line with the Vietnamese message: what works instead;
 * - in the function file: registers every ribbon function as an ES5 function that shows the same message
 *   in a dialog (this page again, ?dialog=1, rendered here as well) and always calls event.completed();
 * - in that dialog: shows the message and a close button;
 * - in the web app (index.html, <html data-phuluc-page="webapp">): says which browsers work, with this address.
 */
(function () {
  "use strict";
  var DATA = /*@PHULUC_LEGACY_DATA@*/ null;
  var w = window;
  var doc = document;
  if (!DATA) return;

  /** "" for a modern engine, else why not: "trident", "edgehtml", "features". */
  function oldEngine() {
    var ua = (w.navigator && w.navigator.userAgent) || "";
    if (/Trident\/|MSIE /.test(ua)) return "trident";
    if (/ Edge\/\d/.test(ua)) return "edgehtml"; // Chromium Edge says "Edg/"
    try {
      // What the bundles need (ES2021-22: ??=, class fields...), by the features that shipped with them.
      if (typeof w.Promise !== "function" || typeof w.Promise.any !== "function") return "features";
      if (typeof w.Symbol !== "function" || typeof w.WeakRef !== "function") return "features";
      if (typeof "".replaceAll !== "function") return "features";
    } catch (e) {
      return "features";
    }
    return "";
  }

  var reason = oldEngine();
  if (!reason) return;
  w.phulucOldEngine = reason;

  var T = DATA.texts;

  function param(name) {
    var m = new RegExp("[?&]" + name + "=([^&#]*)").exec(w.location.search || "");
    if (!m) return null;
    try {
      return decodeURIComponent(m[1].replace(/\+/g, " "));
    } catch (e) {
      return m[1];
    }
  }

  /** The web app's address, to open in a modern browser (this folder's index.html). */
  function appUrl() {
    var l = w.location;
    return l.protocol + "//" + l.host + l.pathname.replace(/[^/]*$/, "") + "index.html";
  }

  function text(tag, s, style) {
    var el = doc.createElement(tag);
    el.appendChild(doc.createTextNode(s));
    if (style) el.style.cssText = style;
    return el;
  }

  /** The message as DOM nodes (text only, never HTML), after a first line when given. */
  function message(first) {
    var box = doc.createElement("div");
    box.setAttribute("role", "alert");
    box.style.cssText = "font-family:'Segoe UI',Arial,sans-serif;font-size:14px;line-height:1.5;margin:12px;color:#201F1E";
    box.appendChild(text("h1", T.title, "font-size:18px;margin:0 0 8px 0;color:#A4262C"));
    if (first) box.appendChild(text("p", first, "font-weight:bold"));
    box.appendChild(text("p", T.intro));
    var list = doc.createElement("ol");
    for (var i = 0; i < T.ways.length; i++) list.appendChild(text("li", T.ways[i].replace("{url}", appUrl()), "margin-bottom:6px"));
    box.appendChild(list);
    box.appendChild(text("p", T.english, "color:#605E5C;font-size:12px"));
    box.setAttribute("data-phuluc-old-engine", reason);
    return box;
  }

  function whenReady(fn) {
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  var office = w.Office;
  // Office expects every add-in page to initialize; the bundle that would have done it does not run.
  try {
    if (office && typeof office.onReady === "function") office.onReady();
    else if (office) office.initialize = function () {};
  } catch (e) {
    /* Office.js missing or broken: nothing to tell it */
  }

  var isCommands = /commands\.html$/i.test(w.location.pathname || "");
  var isWebApp = doc.documentElement && doc.documentElement.getAttribute("data-phuluc-page") === "webapp";

  if (isWebApp) {
    // The web app in an old browser (not in Office): which browsers work, and this address for them.
    whenReady(function () {
      var root = doc.getElementById("root") || doc.body;
      while (root.firstChild) root.removeChild(root.firstChild);
      var box = doc.createElement("div");
      box.setAttribute("role", "alert");
      box.setAttribute("data-phuluc-old-engine", reason);
      box.style.cssText = "font-family:'Segoe UI',Arial,sans-serif;font-size:15px;line-height:1.5;margin:24px;color:#201F1E";
      box.appendChild(text("h1", T.webAppTitle, "font-size:20px;margin:0 0 8px 0;color:#A4262C"));
      box.appendChild(text("p", T.webAppIntro.replace("{url}", appUrl())));
      box.appendChild(text("p", T.webAppEnglish, "color:#605E5C;font-size:12px"));
      root.appendChild(box);
    });
    return;
  }
  var isDialog = param("dialog") !== null;

  if (isDialog) {
    // The ribbon's dialog, opened in this same old engine, with a close button. From this script's own
    // command (legacy=1): the whole message, built here (the address stays short: Internet Explorer
    // refuses URLs over 2,083 characters). Otherwise: the message it was given.
    whenReady(function () {
      var body = doc.body;
      while (body.firstChild) body.removeChild(body.firstChild);
      var box = message(param("msg") || T.commandIntro);
      if (param("legacy") === null) while (box.childNodes.length > 2) box.removeChild(box.lastChild);
      var button = text("button", T.close, "padding:6px 20px");
      button.setAttribute("type", "button");
      button.onclick = function () {
        try {
          w.Office.context.ui.messageParent(DATA.dialogClose);
        } catch (e) {
          /* not in a dialog */
        }
      };
      box.appendChild(button);
      body.appendChild(box);
      button.focus();
    });
    return;
  }

  if (isCommands) {
    var dialogUrl =
      w.location.protocol +
      "//" +
      w.location.host +
      w.location.pathname +
      "?dialog=1&kind=error&legacy=1&msg=" +
      encodeURIComponent(T.commandIntro);

    var command = function (event) {
      var done = false;
      var timer = null;
      function complete() {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        try {
          event.completed();
        } catch (e) {
          /* the host closed the command already */
        }
      }
      timer = setTimeout(complete, DATA.dialogMaxOpenMs); // started first: a host that never calls back
      try {
        w.Office.context.ui.displayDialogAsync(dialogUrl, { height: 45, width: 40, displayInIframe: true }, function (res) {
          if (!res || res.status !== w.Office.AsyncResultStatus.Succeeded) return complete();
          var dialog = res.value;
          var close = function () {
            try {
              dialog.close();
            } catch (e) {
              /* already closed */
            }
            complete();
          };
          if (done) return close();
          dialog.addEventHandler(w.Office.EventType.DialogMessageReceived, close);
          dialog.addEventHandler(w.Office.EventType.DialogEventReceived, close);
        });
      } catch (e) {
        complete();
      }
    };
    for (var n = 0; n < DATA.commands.length; n++) {
      w[DATA.commands[n]] = command;
      try {
        if (office && office.actions && typeof office.actions.associate === "function") office.actions.associate(DATA.commands[n], command);
      } catch (e) {
        /* older hosts look the function up by its global name (set above) */
      }
    }
    return;
  }

  // The task pane.
  whenReady(function () {
    var root = doc.getElementById("root") || doc.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(message(null));
  });
})();
