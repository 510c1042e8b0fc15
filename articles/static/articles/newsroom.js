// The article form, for people typing (articles/admin_editing.py): autosave to a private draft every few seconds,
// the offer to restore such a draft, a warning before leaving with unsaved text, and a live preview of the body
// through the page's own sanitizer. Without JavaScript the form works as it always did.
// The admin loads this in <head>: it starts once the form is parsed.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const form = document.getElementById("article_form");
  const configNode = document.getElementById("newsroom-config");
  if (!form || !configNode) return;
  const config = JSON.parse(configNode.textContent);
  const FIELDS = ["headline", "standfirst", "body", "photo_alt_override", "photo_caption_override"];
  const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const status = document.getElementById("autosave-status");

  function typed() {
    const text = {};
    for (const name of FIELDS) {
      const field = form.elements.namedItem(name);
      if (field && "value" in field) text[name] = field.value;
    }
    return text;
  }

  function post(url, data) {
    const body = new FormData();
    for (const [name, value] of Object.entries(data)) body.append(name, value);
    return fetch(url, { method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": token } });
  }

  // What the server answered, as {errors: [...]} when it is not our JSON: a login page after the session ended,
  // a 403, a proxy's error page.
  async function answerOf(response) {
    try {
      return await response.json();
    } catch (error) {
      return { errors: ["The server answered " + response.status + "; try saving the form."] };
    }
  }

  // --- leave-page warning ---
  let dirty = false;
  let submitting = false;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("submit", () => { submitting = true; });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // --- autosave ---
  let kept = JSON.stringify(typed());
  async function keep() {
    const now = typed();
    const serialized = JSON.stringify(now);
    if (!dirty || serialized === kept || submitting) return;
    try {
      const response = await post(config.autosave, now);
      const answer = await answerOf(response);
      if (response.ok) {
        kept = serialized;
        if (status) status.textContent = answer.label;
      } else if (status) {
        status.textContent = "Not kept: " + (answer.errors || []).join(" ");
      }
    } catch (error) {
      if (status) status.textContent = "Not kept: the server did not answer. Your text is still in the form.";
    }
  }
  window.setInterval(keep, config.interval);

  // --- the offer to restore a draft kept earlier ---
  const offer = document.getElementById("autosave-offer");
  const draftNode = document.getElementById("autosave-data");
  if (offer && draftNode) {
    offer.hidden = false;
    document.getElementById("autosave-restore").addEventListener("click", () => {
      const draft = JSON.parse(draftNode.textContent);
      for (const [name, value] of Object.entries(draft)) {
        const field = form.elements.namedItem(name);
        if (field && "value" in field) field.value = value;
      }
      dirty = true;
      offer.remove();
      refreshPreview();
    });
    document.getElementById("autosave-discard").addEventListener("click", () => {
      post(config.autosave, { discard: "on" });
      offer.remove();
    });
  }

  // --- live preview of the body ---
  const body = form.elements.namedItem("body");
  const preview = document.getElementById("body-preview");
  let timer = null;
  async function refreshPreview() {
    if (!body || !preview) return;
    const dropped = preview.querySelector(".body-preview__dropped");
    const html = preview.querySelector(".body-preview__html");
    let response, answer;
    try {
      response = await post(config.preview, { body: body.value });
      answer = await answerOf(response);
    } catch (error) {
      dropped.textContent = "No preview: the server did not answer.";
      dropped.hidden = false;
      return;
    }
    if (!response.ok) {
      dropped.textContent = (answer.errors || []).join(" ");
      dropped.hidden = false;
      return;
    }
    // The server's sanitizer made this HTML, the same that makes the page's (articles/markdown.py).
    html.innerHTML = answer.html;
    dropped.textContent = answer.dropped.length ? "Left out of the page: " + answer.dropped.join("; ") : "";
    dropped.hidden = !answer.dropped.length;
  }
  if (body && preview) {
    body.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refreshPreview, 600);
    });
    refreshPreview();
  }
});
