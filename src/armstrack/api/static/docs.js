// Swagger UI on /openapi.json. A file, not an inline script: the app's Content-Security-Policy allows
// scripts from this server only, and the Swagger UI bundle is served from here too (no CDN).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout",
});
