// The photo library's focal point (articles/admin.py PhotoAdmin): click the photo to set the point that cropped
// copies keep in the picture. It only fills in the two numeric fields, which work by hand without JavaScript.
"use strict";

// The admin loads a ModelAdmin's scripts in <head>, before the form exists.
document.addEventListener("DOMContentLoaded", () => {
  for (const picker of document.querySelectorAll("[data-focal-point]")) {
    const image = picker.querySelector("img");
    const marker = picker.querySelector(".focal-point__marker");
    const across = document.getElementById("id_focal_x");
    const down = document.getElementById("id_focal_y");
    if (!image || !marker || !across || !down) continue;

    const show = () => {
      marker.style.left = `${Number(across.value) * 100}%`;
      marker.style.top = `${Number(down.value) * 100}%`;
      marker.hidden = false;
    };
    picker.classList.add("focal-point--active");
    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      const clamp = (value) => Math.min(1, Math.max(0, value)).toFixed(3);
      across.value = clamp((event.clientX - box.left) / box.width);
      down.value = clamp((event.clientY - box.top) / box.height);
      show();
    });
    across.addEventListener("input", show);
    down.addEventListener("input", show);
    show();
  }
});
