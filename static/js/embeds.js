// Privacy-first embeds (articles/embeds.py): the provider's frame is created only when the reader clicks "Load
// content from ...". Without JavaScript the button stays hidden and the link beside it works as a link.
"use strict";

for (const button of document.querySelectorAll("button[data-embed-src]")) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = button.dataset.embedSrc;
    frame.title = button.dataset.embedTitle;
    frame.className = "embed__frame";
    frame.loading = "lazy";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.allow = "fullscreen; picture-in-picture; encrypted-media";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
    button.closest(".embed__placeholder").replaceWith(frame);
    frame.focus();
  });
}
