"""Parsers: `DocumentText` in, `ExtractedDocument` out. They never read files or images."""
