"""Ingest: turn files, pages, feeds, archives, URLs and standard input into articles (or error records)."""

from marsad.ingest.article import Article
from marsad.ingest.readers import ReadOptions, read_inputs
from marsad.ingest.registry import parse_fields

__all__ = ["Article", "ReadOptions", "parse_fields", "read_inputs"]
