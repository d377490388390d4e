// Progress bar for the candidate-result import (EXAM-1): the file is uploaded with
// XMLHttpRequest (upload progress), then the server's import progress is polled until it ends
// and the result page is shown. Without JavaScript the form posts normally and waits.
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  var bar = document.getElementById("import-progress");
  var status = document.getElementById("import-status");

  function show(text, value) {
    bar.hidden = false;
    if (value !== null) { bar.value = value; }
    status.textContent = text;
  }

  function poll(url, result) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.onload = function () {
      if (xhr.status === 404) { window.location.href = result; return; }
      if (xhr.status !== 200) { window.setTimeout(function () { poll(url, result); }, 1000); return; }
      var p = JSON.parse(xhr.responseText);
      var share = p.total > 0 ? p.processed / p.total : 0;
      show(form.dataset.importing + " " + p.processed + " / " + p.total, 10 + Math.round(share * 90));
      if (p.state === "running") { window.setTimeout(function () { poll(url, result); }, 400); }
      else { window.location.href = result; }
    };
    xhr.onerror = function () { window.setTimeout(function () { poll(url, result); }, 1000); };
    xhr.send();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-CSRF-Token", form.querySelector("[name=_csrf]").value);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { show(form.dataset.uploading, Math.round(e.loaded * 10 / e.total)); }
    };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      if (xhr.status === 202 && body.progress) { poll(body.progress, body.result); return; }
      if (button) { button.disabled = false; }
      show(body.detail || xhr.statusText, 0);
    };
    show(form.dataset.uploading, 0);
    xhr.send(new FormData(form));
  });
}());
