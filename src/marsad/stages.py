"""The built-in stages, registered the way a plugin's would be (importing registers them)."""

from __future__ import annotations

import importlib

# Each module registers its stages with `marsad.pipeline.register`. A module that is not
# there yet (a stage still being built) is simply absent from the default pipeline.
BUILTIN_MODULES = (
    "marsad.text.stage",
    "marsad.extract.lexicon_stage",
    "marsad.resolve.dates",
    "marsad.resolve.places",
    "marsad.resolve.actors",
    "marsad.resolve.roles",
    "marsad.extract.assemble",
    "marsad.extract.background",
    "marsad.extract.recode",
    "marsad.fuse.within",
    "marsad.extract.notes",
)

for _name in BUILTIN_MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # only a missing module, never an error inside one
        if exc.name != _name:
            raise
