// Starts Swagger UI on the API documentation page (templates/api/docs.html). It is a
// file of its own rather than an inline script, so the Content Security Policy needs no
// exception: what the page differs by (the schema address, Swagger UI's settings, the
// CSRF token) is read from the data attributes of #swagger-ui.
"use strict";

(function () {
  const root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle === "undefined") {
    return;
  }
  const data = root.dataset;
  const settings = JSON.parse(data.settings || "{}");

  // The API signs in with the session cookie; Django asks for the CSRF token on every
  // request that changes something.
  function withCsrf(request) {
    const method = (request.method || "GET").toUpperCase();
    if (!["GET", "HEAD", "OPTIONS"].includes(method)) {
      request.headers[data.csrfHeader] = data.csrfToken;
    }
    return request;
  }

  window.ui = SwaggerUIBundle(Object.assign({
    url: data.schemaUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    requestInterceptor: withCsrf,
  }, settings));
})();
