"""Several server processes appending to one family's record at once never fork it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from twohomes.core.ledger import verify_bundle
from twohomes.records import services
from twohomes.records.models import LogEntry

WRITER = """
import django, os, sys
django.setup()
from twohomes.families.models import Family, Membership
from twohomes import records
from django_scopes import scope
family = Family.objects.get(pk=sys.argv[1])
with scope(family=family.pk):
    actor = Membership.objects.filter(family=family).first()
for n in range(int(sys.argv[2])):
    records.append(family, "messaging.message.sent", actor, {"body": f"{sys.argv[3]}-{n}"})
"""


@pytest.mark.postgres
def test_parallel_processes_append_without_gaps_or_duplicates(transactional_db: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("runs against PostgreSQL (DATABASE_URL); SQLite serializes in-process")
    from tests.factories import FamilyFactory, MembershipFactory

    family = FamilyFactory()
    MembershipFactory(family=family)
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "twohomes.settings",
           "DEBUG": "1"}
    writers, per_writer = 6, 15
    processes = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(family.pk), str(per_writer),
                          f"w{n}"], env=env, stderr=subprocess.PIPE, text=True)
        for n in range(writers)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=180)
        assert process.returncode == 0, errors

    seqs = list(LogEntry.objects.filter(family=family).order_by("seq")
                .values_list("seq", flat=True))
    assert seqs == list(range(writers * per_writer))
    out = io.BytesIO()
    services.export_bundle(family, out, scope=services.ExportScope(), now=timezone.now())
    verdict = verify_bundle(io.BytesIO(out.getvalue()))
    assert verdict.ok, verdict.render()
