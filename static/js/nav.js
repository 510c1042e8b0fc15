// Enhancement only: Chromium leaves a partly visible link where it is when the keyboard focuses it, so its focus ring
// would be cut off at the edge of the scrolling section nav. Bring the focused link fully into view instead.
(function () {
  "use strict";
  var list = document.querySelector(".site-nav__list");
  if (!list) return;
  list.addEventListener("focusin", function (event) {
    event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
})();
