// Starts Swagger UI on the API docs page (no inline script, for the strict CSP).
// The settings come from the page's JSON block, as in django-ninja's own starter.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];

  // Swagger UI's markup skips heading levels and leaves some controls unnamed; mend
  // what it renders, each time it renders, so that the page meets WCAG 2.1 AA.
  function setLevel(selector, level, root) {
    root.querySelectorAll(selector).forEach(function (heading) {
      if (heading.getAttribute("aria-level") !== level) {
        heading.setAttribute("role", "heading");
        heading.setAttribute("aria-level", level);
      }
    });
  }
  function mend(root) {
    setLevel("h3.opblock-tag", "2", root);
    setLevel(".opblock-section-header h4, h4.opblock-title, .responses-wrapper h4", "3", root);
    root.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach(
      function (select) {
        select.setAttribute("aria-label", select.closest("tr").dataset.paramName);
      }
    );
    root.querySelectorAll(".microlight:not([tabindex]), .highlight-code pre:not([tabindex])")
      .forEach(function (block) { block.setAttribute("tabindex", "0"); });
  }
  var root = document.getElementById("swagger-ui");
  new MutationObserver(function () { mend(root); })
    .observe(root, { childList: true, subtree: true });

  SwaggerUIBundle(config);
})();
