"""Export the JSON Schema: `python -m schemas > schemas/extracted_document.schema.json`."""

import json

from schemas.extracted import ExtractedDocument


def json_schema_text() -> str:
    return json.dumps(ExtractedDocument.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(json_schema_text(), end="")
