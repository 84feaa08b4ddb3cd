"""Family-owned tables are read inside one family's scope (django-scopes).

A model whose rows belong to a family declares ``objects = FamilyManager()`` (or gives
the path to its family, ``FamilyManager("thread__family")``). Inside ``scope(family=...)``
every query on it is filtered to that family; outside a scope it raises
``django_scopes.ScopeError``; with scopes disabled (``access.unscoped``) it reads every
family. ``families.access`` opens the scope for each family page and names the few reads
across families.

This is django-scopes' ``ScopedManager`` for the one dimension we scope by, written as a
class so that the type checker and Django's related managers know it.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope

M = TypeVar("M", bound=models.Model)


class FamilyManager(models.Manager[M]):
    def __init__(self, path: str = "family") -> None:
        super().__init__()
        self.path = path

    def get_queryset(self) -> models.QuerySet[M]:
        current = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "family" not in current:
            disabled: models.QuerySet[M] = DisabledQuerySet(
                self.model, using=self._db, missing_scopes={"family"})
            return disabled
        # A related manager (plan.decisions) is a subclass made without our argument: the
        # path is the model's own manager's.
        path = getattr(self.model._default_manager, "path", self.path)
        return super().get_queryset().filter(**{path: current["family"]})
