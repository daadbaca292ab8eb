"""A multipart upload streamed into a `Spool`: hashed and size-checked as it arrives.

The body is never held in memory or spooled whole before the check: the request is
refused with 413 as soon as the `file` part passes the limit (or at once, when the
declared Content-Length already does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from service.api.errors import ApiError
from service.receive import Spool, UploadTooLargeError

FIELD = "file"
_MULTIPART_OVERHEAD = 64 * 1024  # boundaries and part headers around the file


@dataclass
class _Part:
    header_field: bytearray = field(default_factory=bytearray)
    header_value: bytearray = field(default_factory=bytearray)
    headers: dict[bytes, bytes] = field(default_factory=dict)
    is_file: bool = False


async def receive_upload(request: Request, limit: int) -> tuple[Spool, str]:
    """The `file` part of a multipart/form-data request spooled to disk, and its filename."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise ApiError(
            415, "invalid_upload", "send the file as multipart/form-data in a field named 'file'"
        )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + _MULTIPART_OVERHEAD:
        raise ApiError(413, "too_large", _too_large(limit))
    spool = Spool(limit)
    part = _Part()
    found: list[str] = []

    def on_part_begin() -> None:
        nonlocal part
        part = _Part()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        part.header_field += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        part.header_value += data[start:end]

    def on_header_end() -> None:
        part.headers[bytes(part.header_field).lower()] = bytes(part.header_value)
        part.header_field.clear()
        part.header_value.clear()

    def on_headers_finished() -> None:
        _, disposition = parse_options_header(part.headers.get(b"content-disposition", b""))
        if disposition.get(b"name") == FIELD.encode() and b"filename" in disposition:
            if found:
                raise ApiError(400, "too_many_files", "send one file per request")
            part.is_file = True
            found.append(disposition[b"filename"].decode("utf-8", errors="replace"))

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if part.is_file:
            spool.write(data[start:end])

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
        },
    )
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except UploadTooLargeError:
        spool.close()
        raise ApiError(413, "too_large", _too_large(limit)) from None
    except MultipartParseError as error:
        spool.close()
        raise ApiError(400, "invalid_upload", f"the multipart body is malformed: {error}") from None
    except BaseException:
        spool.close()
        raise
    if not found:
        spool.close()
        raise ApiError(400, "missing_file", "no file in the form field 'file'")
    return spool, found[0]


def upload_body(description: str, **other_content: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI `openapi_extra` for a route that reads a multipart `file` part itself
    (FastAPI cannot see it), plus any other content types it accepts."""
    file_part = {
        "schema": {
            "type": "object",
            "required": [FIELD],
            "properties": {
                FIELD: {"type": "string", "format": "binary", "description": description}
            },
        }
    }
    return {
        "requestBody": {
            "required": True,
            "content": {"multipart/form-data": file_part, **other_content},
        }
    }


def _too_large(limit: int) -> str:
    return f"the file is larger than the upload limit of {limit / 1024 / 1024:g} MB"
