"""Database triggers that make the record append-only, on PostgreSQL and SQLite alike."""

from __future__ import annotations

from typing import Any

from twohomes.areas import append_only_tables

PROTECTED_TABLES = ["records_logentry", "records_checkpoint"]


def protected_tables() -> list[str]:
    """Every append-only table that exists in this database: the record's own and those
    the areas declare (``Area.append_only_tables``; each area's migration installs its
    triggers with ``install``)."""
    from django.db import connection

    existing = set(connection.introspection.table_names())
    return [t for t in PROTECTED_TABLES + append_only_tables() if t in existing]
MESSAGE = "the family record is append-only"


def create_sql(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [
            "CREATE OR REPLACE FUNCTION twohomes_refuse_change() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE} (%)', TG_TABLE_NAME; END $$ LANGUAGE plpgsql",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION twohomes_refuse_change()",
        ]
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        ]
    raise NotImplementedError(f"append-only triggers are not written for {vendor}")


def drop_sql(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"]
    return [f"DROP TRIGGER IF EXISTS {table}_no_update",
            f"DROP TRIGGER IF EXISTS {table}_no_delete"]


def install(connection: Any, tables: list[str]) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            for statement in create_sql(connection.vendor, table):
                cursor.execute(statement)


def remove(connection: Any, tables: list[str]) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            for statement in drop_sql(connection.vendor, table):
                cursor.execute(statement)
