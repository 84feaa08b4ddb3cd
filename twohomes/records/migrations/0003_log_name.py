"""Each log keeps the server name its checkpoints are signed under.

Existing logs take it from the origin line of their latest stored checkpoint
(``<server>/log/<log id>``), else from the current setting.
"""

from typing import Any

from django.conf import settings
from django.db import migrations, models


def _stored_name(note: str, log_id: str) -> str:
    origin = note.split("\n", 1)[0]
    suffix = f"/log/{log_id}"
    return origin[: -len(suffix)] if origin.endswith(suffix) else ""


def fill_log_names(apps: Any, schema_editor: Any) -> None:
    Log = apps.get_model("records", "Log")
    Checkpoint = apps.get_model("records", "Checkpoint")
    for log in Log.objects.filter(name=""):
        latest = Checkpoint.objects.filter(family_id=log.family_id).order_by("-size").first()
        name = _stored_name(latest.note, log.log_id) if latest is not None else ""
        log.name = name or settings.TWOHOMES_LOG_NAME
        log.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("records", "0002_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="log", name="name", field=models.CharField(blank=True, max_length=253)
        ),
        migrations.RunPython(fill_log_names, migrations.RunPython.noop),
    ]
