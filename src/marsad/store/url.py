"""Which database: `--db URL`, else `$MARSAD_DB`, else a SQLite file in the user's data directory.

>>> database_url("postgresql://u@h/db")
'postgresql+psycopg://u@h/db'
>>> database_url("sqlite:///tmp/x.db")
'sqlite:///tmp/x.db'
"""

from __future__ import annotations

import os
from pathlib import Path

from marsad.errors import MarsadError

ENV = "MARSAD_DB"


def default_path() -> Path:
    """`<user data dir>/marsad/marsad.db` (platformdirs when installed, else XDG)."""
    try:
        from platformdirs import user_data_dir

        base = Path(user_data_dir("marsad", appauthor=False))
    except ImportError:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "marsad"
    return base / "marsad.db"


def database_url(url: str | None = None) -> str:
    """The SQLAlchemy URL to use; PostgreSQL URLs get the psycopg 3 driver."""
    url = url or os.environ.get(ENV)
    if not url:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("sqlite:", "postgresql+")):
        return url
    if "://" not in url:  # a plain file path
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    raise MarsadError("E301", f"unsupported database URL {url.split('://')[0]}://...",
                      fix="use sqlite:///path/to/file.db or postgresql://user@host/db")
