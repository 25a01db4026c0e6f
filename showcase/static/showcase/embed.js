// Embeds a showcase's public agenda on another site with one script tag:
//   <script src="https://<site>/static/showcase/embed.js" data-showcase="https://<site>/showcase/<slug>/widget/" async></script>
// The script puts an iframe of the widget page right after itself.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var src = script.getAttribute("data-showcase");
  if (!src || !/^https?:\/\//.test(src)) return;
  var frame = document.createElement("iframe");
  frame.src = src;
  frame.title = script.getAttribute("data-title") || "Showcase Smart City 100";
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.height = script.getAttribute("data-height") || "600px";
  frame.style.border = "0";
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
