"""Headers every response carries so a browser never runs what it was not meant to.

- `X-Content-Type-Options: nosniff`: a file is what its type says, never HTML sniffed
  out of a stored "PDF".
- `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`: no other site frames a page.
- `Referrer-Policy: same-origin`: searches (names) in URLs do not leave the site.
- A Content-Security-Policy by kind of answer: the pages load scripts, styles and images
  from this site only (they have no inline script or style); the OpenAPI pages also
  their CDN; every other answer (JSON, files) may load nothing.

A route that sets its own CSP (an original, `service.api.documents`) keeps it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc load Swagger UI and ReDoc from a CDN with an inline script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
NOTHING_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
DOCS_PATHS = ("/docs", "/redoc")

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def policy_for(path: str, content_type: str) -> str:
    if path.startswith(DOCS_PATHS):
        return DOCS_CSP
    if content_type.startswith("text/html"):
        return PAGE_CSP
    return NOTHING_CSP


def install_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def _security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in ALWAYS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault(
            "Content-Security-Policy",
            policy_for(request.url.path, response.headers.get("content-type", "")),
        )
        return response
