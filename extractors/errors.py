"""Typed extraction errors, each with a stable code.

    ExtractionError
    ├── UnsupportedTypeError   unsupported_type   not a PDF, DOCX, PNG, JPEG or TIFF
    ├── CorruptFileError       corrupt_file       the bytes claim a type but cannot be read
    ├── EncryptedPdfError      encrypted_pdf      a PDF that needs a password
    ├── EmptyDocumentError     empty_document     no bytes, no pages, or no text at all
    ├── TooLargeError          too_large          pages or pixels past the limits
    └── OcrError               ocr_failed         the OCR engine failed on a page

The CLI prints `error: <code>: <message>` and exits with `exit_code`; the service maps
the same codes to HTTP status and job state.
"""


class ExtractionError(Exception):
    code = "extraction_failed"
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnsupportedTypeError(ExtractionError):
    code = "unsupported_type"
    exit_code = 3


class CorruptFileError(ExtractionError):
    code = "corrupt_file"
    exit_code = 4


class EncryptedPdfError(ExtractionError):
    code = "encrypted_pdf"
    exit_code = 5


class EmptyDocumentError(ExtractionError):
    code = "empty_document"
    exit_code = 6


class TooLargeError(ExtractionError):
    code = "too_large"
    exit_code = 7


class OcrError(ExtractionError):
    code = "ocr_failed"
    exit_code = 8
