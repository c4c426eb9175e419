// Every write this page's scripts send to its own site carries the antiforgery token the server left in a cookie
// (HomeService.RequestToken), in the X-Request-Token header: another site can make the browser post with our sign-in
// cookie, but it can neither read this cookie nor add the header. A classic script loaded first by the layout, so it
// wraps fetch before any module of the page runs; uploads (FormData) and SignalR's negotiation go through fetch too.
// Swagger UI at /api/docs loads it in its head as well: its "Try it out" calls the global fetch.
(() => {
  const safe = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);
  const token = () => {
    const found = document.cookie.split("; ").find((c) => c.startsWith("HomeService.RequestToken="));
    return found ? decodeURIComponent(found.slice("HomeService.RequestToken=".length)) : null;
  };
  const original = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const request = input instanceof Request ? input : null;
    const method = (init.method || request?.method || "GET").toUpperCase();
    const url = new URL(request ? request.url : String(input), location.href);
    const value = token();
    if (safe.has(method) || url.origin !== location.origin || !value) return original(input, init);
    const headers = new Headers(init.headers || request?.headers || undefined);
    headers.set("X-Request-Token", value);
    return original(input, { ...init, headers });
  };
})();
