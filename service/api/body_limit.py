"""A request body other than a file upload is at most `MAX_BODY_BYTES` (1 MB): JSON and
forms are parsed whole, so a 50 MB JSON body would be held in memory several times over.

A body over the limit answers 413 `body_too_large` before the route runs, whether it
declares its length or not (chunked bodies are counted as they arrive). Uploads
(`multipart/form-data` to the upload routes) stream to disk under their own limits
(`service.api.upload`).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.errors import error_response

MAX_BODY_BYTES = 1024 * 1024


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _is_upload(scope):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413,
            "body_too_large",
            f"the request body is larger than {self.limit // 1024} KB; "
            "files go as multipart/form-data",
        )
        await response(scope, receive, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


UPLOAD_PATHS = ("/api/v1/documents", "/api/v1/batches")


def _is_upload(scope: Scope) -> bool:
    """A file sent where files are taken; a multipart body anywhere else is limited too."""
    if scope.get("method") != "POST" or scope.get("path", "").rstrip("/") not in UPLOAD_PATHS:
        return False
    content_type = (_header(scope, b"content-type") or "").lower()
    return content_type.startswith("multipart/form-data")
