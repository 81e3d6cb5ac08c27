"""Stages, their contracts, and the pipeline that checks their order when it is built.

A stage is a callable `doc -> doc` with a `name`, what it `requires` and what it `assigns`
(names of Document facets: "sentences", "tokens", "mentions:number", "events", ...). The
pipeline refuses an order where a stage needs a facet no earlier stage assigns, and checks at
run time that each stage returns the Document it was given.

>>> from marsad.pipeline import Pipeline
>>> p = Pipeline.default()
>>> doc = p("سقط صاروخ على قاعدة عين الأسد أمس", published="2022-01-06")
>>> doc.done[:2]
['segment', 'numbers']
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, Protocol

from marsad.document import Document, Rejection
from marsad.errors import MarsadError, PipelineOrderError

# Facets every Document has from the start.
BASE_FACETS = frozenset({"text", "norm", "published"})


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: str

    def __call__(self, doc: Document) -> Document: ...


def event_bound(stage: Stage) -> bool:
    """A stage whose findings matter only to events (places, dates, actors, numbers): it is
    skipped for an article the lexicon stage marked `quiet` (no trigger word that could find
    what it needs), as most articles of a news feed (sport, economy) are."""
    return bool(getattr(stage, "event_bound", False))


_REGISTRY: dict[str, Callable[[], Stage]] = {}


def register(name: str) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Register a stage factory under `name`; built-in stages use this as plugins would."""

    def deco(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        _REGISTRY[name] = factory
        return factory

    return deco


def registered() -> dict[str, Callable[[], Stage]]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def _load_builtin_stages() -> None:
    # importing the modules registers their stages
    from marsad import stages  # noqa: F401


DEFAULT_STAGES: tuple[str, ...] = (
    "segment",
    "lexicon",
    "numbers",
    "dates",
    "places",
    "actors",
    "events",
    "resolve_dates",
    "resolve_places",
    "resolve_actors",
    "recode",
    "background",
    "fuse",
    "notes",
)


@dataclass
class Pipeline:
    """An ordered, checked list of stages. Call it on a Document or on a text."""

    stages: list[Stage]
    errors: str = "raise"  # or "reject": a failing stage becomes a Rejection on the document
    # skip event-bound stages for a quiet article; False runs every stage (to study mentions)
    skip_quiet: bool = True
    versions: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        check_order(self.stages)
        self.versions = {s.name: s.version for s in self.stages}

    @classmethod
    def default(cls, names: Iterable[str] | None = None, **kwargs: Any) -> Pipeline:
        """The built-in stages, in order (only those installed when `names` is None)."""
        factories = registered()
        wanted = list(names) if names is not None else [n for n in DEFAULT_STAGES if n in factories]
        missing = [n for n in wanted if n not in factories]
        if missing:
            raise PipelineOrderError("E002", f"unknown stages: {', '.join(missing)}",
                                     fix=f"known stages: {', '.join(sorted(factories))}")
        return cls([factories[n]() for n in wanted], **kwargs)

    def __call__(self, doc: Document | str, **kwargs: Any) -> Document:
        if isinstance(doc, str):
            doc = Document.from_text(doc, **kwargs)
        for stage in self.stages:
            if doc.quiet and self.skip_quiet and event_bound(stage):
                doc.skipped.append(stage.name)
                continue
            try:
                out = stage(doc)
            except MarsadError as exc:
                if self.errors == "raise":
                    raise
                doc.rejections.append(Rejection(stage.name, exc.code, str(exc)))
                return doc
            if out is not doc:
                raise MarsadError("E003", f"stage {stage.name!r} returned {type(out).__name__}, "
                                  "not the Document it was given",
                                  fix="a stage adds to the Document and returns it")
            doc.done.append(stage.name)
        return doc

    def stamp(self) -> dict[str, Any]:
        """What made the output: package, stage and resource versions."""
        from marsad.resolve.gazetteer import artefact_digest
        from marsad.resources import manifest_digest

        return {
            "marsad": package_version(),
            "stages": self.versions,
            "resources": manifest_digest(),
            # the boilerplate filter shapes the text read from pages, and so every span
            "ingest_resources": manifest_digest("ingest"),
            "gazetteer": artefact_digest(),
        }

    def fingerprint(self) -> str:
        """`<package version>+<digest of the stamp>`: on every output record and in every event id."""
        stamp = self.stamp()
        raw = repr(sorted(stamp.items())).encode()
        return f"{stamp['marsad']}+{hashlib.sha256(raw).hexdigest()[:8]}"


def check_order(stages: list[Stage]) -> None:
    """Fail at build time when a stage needs what no earlier stage assigns."""
    have = set(BASE_FACETS)
    seen: set[str] = set()
    for st in stages:
        if st.name in seen:
            raise PipelineOrderError("E001", f"stage {st.name!r} appears twice")
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineOrderError(
                "E001",
                f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage assigns",
                fix="put the stages that assign them before it",
            )
        have.update(st.assigns)
        seen.add(st.name)


def package_version() -> str:
    try:
        return metadata.version("marsad")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0+unknown"
