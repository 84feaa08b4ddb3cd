from django.db import migrations

from twohomes.records.triggers import PROTECTED_TABLES, install, remove


def forwards(apps, schema_editor):
    install(schema_editor.connection, PROTECTED_TABLES)


def backwards(apps, schema_editor):
    remove(schema_editor.connection, PROTECTED_TABLES)


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
