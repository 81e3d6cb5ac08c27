"""Ingest: turn files, pages, feeds, archives, URLs and standard input into articles (or error records).

`read_inputs(inputs, fields=...)` yields one Article per article read, in input order, and an
error record (`Article.failed`) for every input or entry that cannot be read, never an exception.
The codes of those records:

- E100 no such file, or it cannot be opened; E101 empty; E102 binary; E103 over the size limit;
- E104 undecodable; E105 not Arabic (the language is named); E106 a JSON Lines line that is not an object;
- E107 mojibake (UTF-8 Arabic already garbled by a wrong decoding); E108 an HTML page with no article text
  (or cut before it); E109 a malformed feed, or one with no entries; E110 a CSV without the text column
  or a bad `--map`; E111 a URL that cannot be fetched; E112 a corrupt gzip; E113 a missing extra
  (`marsad[html]`, `marsad[feeds]`); E199 a reader's own bug, kept to that input.

>>> [a.error_code for a in read_inputs(["/no/such/file.txt"])]
['E100']
"""

from marsad.ingest.article import Article
from marsad.ingest.readers import ReadOptions, read_inputs
from marsad.ingest.registry import parse_fields

__all__ = ["Article", "ReadOptions", "parse_fields", "read_inputs"]
