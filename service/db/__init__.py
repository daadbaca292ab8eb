"""Metadata and search: SQLAlchemy models, the engine, migrations."""
