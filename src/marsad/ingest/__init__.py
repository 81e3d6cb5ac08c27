"""Ingest: turn files, folders, archives and standard input into articles (or error records)."""

from marsad.ingest.article import Article
from marsad.ingest.readers import read_inputs

__all__ = ["Article", "read_inputs"]
