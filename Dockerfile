# The tdkt image: the API (`tdkt serve`) and the workers (`tdkt worker`) run from it.
FROM python:3.11-slim

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       tesseract-ocr tesseract-ocr-vie fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas schemas
COPY extractors extractors
COPY service service
RUN pip install --no-cache-dir .

ENV TDKT_HOST=0.0.0.0 TDKT_PORT=8000 TDKT_DATA_DIR=/data
EXPOSE 8000
CMD ["tdkt", "serve"]
