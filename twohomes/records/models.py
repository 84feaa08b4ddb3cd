"""Storage of each family's append-only, signed log (the engine is core/ledger).

``LogEntry`` and ``Checkpoint`` rows are never updated or deleted: triggers created by
the migrations refuse it in the database itself. What opens an entry (its salt and
content, or a file's hash) lives apart, in ``EntryOpening``; the leaf holds only a salted
commitment to it, so an export can leave an entry's content out and still verify.
"""

from __future__ import annotations

from django.db import models

from twohomes.tenancy import FamilyManager


class Log(models.Model):
    """The head of one family's log: the row that appends lock, so the log never forks."""

    family = models.OneToOneField("families.Family", on_delete=models.PROTECT, related_name="log")
    log_id = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField(default=0)
    compact = models.BinaryField(default=b"")
    last_time = models.CharField(max_length=32, blank=True)
    # The server name the log's checkpoints are signed under, fixed when the log is created:
    # a later rename of the site must not change how a past checkpoint verifies.
    name = models.CharField(max_length=253, blank=True)
    objects = FamilyManager()

    def __str__(self) -> str:
        return f"log {self.log_id} ({self.size} entries)"


class LogEntry(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.PROTECT,
                               related_name="log_entries")
    seq = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=64)
    recorded_at = models.DateTimeField()
    actor = models.CharField(max_length=64)
    # Plain id, not a foreign key: a key's ON DELETE would try to update this row.
    actor_user_id = models.BigIntegerField(null=True)
    leaf = models.BinaryField()
    leaf_hash = models.BinaryField()
    objects = FamilyManager()

    class Meta:
        ordering = ["family", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["family", "seq"], name="one_entry_per_seq")
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind}"


class EntryOpening(models.Model):
    """What opens an entry's commitment: the salt and the content (or the file's hash)."""

    entry = models.OneToOneField(LogEntry, on_delete=models.PROTECT, related_name="opening")
    salt = models.BinaryField(null=True)
    content = models.BinaryField(null=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True)
    objects = FamilyManager("entry__family")

    def __str__(self) -> str:
        return f"opening of {self.entry}"


class Checkpoint(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.PROTECT,
                               related_name="checkpoints")
    size = models.PositiveBigIntegerField()
    root_hash = models.BinaryField()
    note = models.TextField()
    key_id = models.CharField(max_length=16)
    created_at = models.DateTimeField()
    objects = FamilyManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["family", "size"], name="one_checkpoint_per_size")
        ]

    def __str__(self) -> str:
        return f"checkpoint {self.size}"
