"""What each area of TwoHomes declares to the platform, and where the platform reads it.

An area is one Django app. Its ``AppConfig`` sets ``area = Area(...)``: the menu entries it
adds (each with the capability it needs), its panels on the Today page, its demo data, its
worker rounds, the kinds of record entry it appends (each in words) and its append-only
tables. The platform (the menu, the Today page, the demo and worker commands, the record,
the database triggers, the root URLs) reads these declarations here and imports no area.

Functions are named by dotted path ("twohomes.events.demo.seed_demo_events") and imported
when first used, so that declaring them imports nothing while Django starts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils.functional import Promise
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class MenuEntry:
    """A link in the main menu (``place="main"``, the phone's bottom bar) or under More.

    ``url_name`` takes the family's id; ``cap`` is the capability's value the reader needs
    (None: every member); ``sections`` are the URL-name prefixes of the pages the entry is
    the current one for; ``badge`` names ``fn(membership) -> int``, shown as a count with
    ``badge_words`` for screen readers."""

    url_name: str
    label: str | Promise  # words are marked for translation (gettext_lazy)
    place: str = "more"
    order: int = 50
    cap: str | None = None
    sections: tuple[str, ...] = ()
    badge: str | None = None
    badge_words: str | Promise = ""


@dataclass(frozen=True)
class HomePanel:
    """A section of the Today page: ``template`` rendered with what ``context`` returns
    (``fn(membership, now) -> dict``)."""

    template: str
    context: str | None = None
    order: int = 50


@dataclass(frozen=True)
class Job:
    """A worker round: a task that re-schedules itself, started with the worker."""

    task: str
    every: str  # in words, for the README and the worker's start-up lines


@dataclass(frozen=True)
class Area:
    menu: tuple[MenuEntry, ...] = ()
    home_panels: tuple[HomePanel, ...] = ()
    demo: str | None = None  # fn(family, now=...) adding the area's part of the demo family
    jobs: tuple[Job, ...] = ()
    record_kinds: dict[str, str | Promise] = field(default_factory=dict)  # kind -> its words
    append_only_tables: tuple[str, ...] = ()
    urls: str | None = None  # the area's URL module, mounted at the root


def declared() -> Iterator[tuple[str, Area]]:
    """(app label, area) of every installed app that declares one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        area = getattr(config, "area", None)
        if isinstance(area, Area):
            yield config.label, area


@functools.cache
def _function(path: str) -> Callable[..., Any]:
    found: Callable[..., Any] = import_string(path)
    return found


def call(path: str, *args: Any, **kwargs: Any) -> Any:
    return _function(path)(*args, **kwargs)


@functools.cache
def record_kinds() -> dict[str, str | Promise]:
    """Every kind of record entry, with what it records in words; a kind twice is an error."""
    kinds: dict[str, str | Promise] = {}
    for label, area in declared():
        for kind, words in area.record_kinds.items():
            if kind in kinds:
                raise ValueError(f"record kind {kind} is declared twice (again by {label})")
            kinds[kind] = words
    return kinds


def menu_entries() -> list[MenuEntry]:
    return sorted((entry for _, area in declared() for entry in area.menu),
                  key=lambda entry: (entry.order, str(entry.label)))


def home_panels() -> list[HomePanel]:
    return sorted((panel for _, area in declared() for panel in area.home_panels),
                  key=lambda panel: panel.order)


def demo_seeders() -> list[str]:
    return [area.demo for _, area in declared() if area.demo]


def jobs() -> list[Job]:
    return [job for _, area in declared() for job in area.jobs]


def start_jobs() -> list[Job]:
    """Put every area's round in the queue once (each then re-schedules itself)."""
    started = jobs()
    for job in started:
        round_task: Any = import_string(job.task)  # a django-tasks Task
        round_task.enqueue()
    return started


def append_only_tables() -> list[str]:
    return [table for _, area in declared() for table in area.append_only_tables]


def url_modules() -> list[str]:
    return [area.urls for _, area in declared() if area.urls]
