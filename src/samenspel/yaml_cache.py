"""YAML data files parsed once per content, not on every command.

Every command reads the knowledge base and the questionnaire (about 340 KB of
YAML); libyaml takes some 40 ms for that, a marshalled copy about 2 ms. The
copy is kept in the user's cache directory under a hash of the file's bytes,
so an edited file is simply parsed again, and a copy that cannot be read or
written (no home, read-only disk, a damaged file) only costs the parse.
Python trusts its own ``__pycache__`` the same way: marshal data in a
directory the user owns.

The cache directory is ``$SAMENSPEL_CACHE_DIR``, else ``$XDG_CACHE_HOME/samenspel``,
else ``~/.cache/samenspel``; ``SAMENSPEL_CACHE_DIR=`` (empty) turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the same data, about 8x faster
# what the parsed data depends on besides the text: the loader and the marshal format
_SALT = f"{yaml.__version__}|{LOADER.__name__}|{marshal.version}|{sys.version_info[:2]}".encode()


def cache_dir() -> Path | None:
    """Where parsed copies are kept, or None when caching is off."""
    chosen = os.environ.get("SAMENSPEL_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "samenspel"


def load(text: str) -> Any:
    """``yaml.load(text)`` with the safe loader; raises ``yaml.YAMLError`` as that does."""
    where = cache_dir()
    if where is None:
        return yaml.load(text, Loader=LOADER)
    key = hashlib.sha256(_SALT + text.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    path = where / f"yaml-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no copy yet, or one that cannot be used: parse
    data = yaml.load(text, Loader=LOADER)
    _keep(path, data)
    return data


def _keep(path: Path, data: Any) -> None:
    """Write the parsed copy atomically; any failure only means the next run parses again."""
    try:
        blob = marshal.dumps(data)  # ValueError for types marshal does not know (dates)
    except ValueError:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".yaml-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
