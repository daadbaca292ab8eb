"""Every error answers as `{"error": {"code": ..., "message": ...}}` with a fitting status.

Codes are stable words a client can branch on; the extraction codes are the CLI's.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from extractors.errors import ExtractionError

log = logging.getLogger(__name__)

STATUS_FOR_EXTRACTION_CODE = {
    "unsupported_type": 415,
    "too_large": 413,
    "empty_document": 422,
    "corrupt_file": 422,
    "encrypted_pdf": 422,
}

_CODE_FOR_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_type",
    422: "invalid_request",
    503: "unavailable",
}


class ErrorInfo(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorInfo

    model_config = {
        "json_schema_extra": {
            "examples": [{"error": {"code": "not_found", "message": "no document 42"}}]
        }
    }


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers

    @classmethod
    def from_extraction(cls, error: ExtractionError) -> ApiError:
        return cls(STATUS_FOR_EXTRACTION_CODE.get(error.code, 422), error.code, error.message)


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message, **extra}}
    return JSONResponse(body, status_code=status, headers=headers)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the error statuses a route can answer with."""
    return {status: {"model": ErrorResponse} for status in statuses}


def _validation_code(error: RequestValidationError) -> str:
    """`query_too_long` when every problem is a query or path text over its length."""
    items = error.errors()
    if items and all(item.get("type") == "string_too_long" for item in items):
        places = {str(item.get("loc", ("",))[0]) for item in items}
        if places <= {"query", "path"}:
            return "query_too_long"
    return "invalid_request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message, error.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(part) for part in item.get("loc", ())), "problem": item["msg"]}
            for item in error.errors()
        ]
        summary = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return error_response(422, _validation_code(error), summary, details=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _CODE_FOR_STATUS.get(error.status_code, "error")
        return error_response(error.status_code, code, str(error.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "an unexpected error; the server log has it")
