from django.db import migrations

from twohomes.records.triggers import install, remove

TABLES = ["expenses_expensestep", "expenses_expensereceipt"]


def forwards(apps, schema_editor):
    install(schema_editor.connection, TABLES)


def backwards(apps, schema_editor):
    remove(schema_editor.connection, TABLES)


class Migration(migrations.Migration):
    dependencies = [("expenses", "0001_initial"), ("records", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forwards, backwards)]
