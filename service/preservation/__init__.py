"""Keeping the archive whole: the audit chain, fixity checks, backups and restores."""
