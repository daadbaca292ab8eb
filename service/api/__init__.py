"""The HTTP API (FastAPI) under `/api/v1`, with `/healthz` and `/readyz` at the root."""
