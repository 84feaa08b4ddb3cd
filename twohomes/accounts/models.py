"""People who sign in. Email is the login; there are no usernames."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True, max_length=254)
    display_name = models.CharField(
        max_length=80, blank=True, help_text=_("How other family members see you.")
    )
    # One of settings.LANGUAGES, or empty: the language the browser asks for.
    language = models.CharField(max_length=12, blank=True, default="")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(auto_now_add=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        # Never a part of the email address: it can say more than the person chose to share.
        # A member without a name is asked for one at their next page (names.py).
        return self.display_name or gettext("Unnamed member")


class KnownDevice(models.Model):
    """A browser a member has signed in from; a new one triggers an email."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="known_devices")
    fingerprint = models.CharField(max_length=64)
    description = models.CharField(max_length=200)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "fingerprint"], name="unique_device_per_user")
        ]

    def __str__(self) -> str:
        return self.description


class SubmissionKey(models.Model):
    """A form's one-time key, kept once the form was sent: a repeat gets the first answer.

    Owned by the person, not a family: the key guards a browser's form, whatever it created.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="submission_keys")
    key = models.CharField(max_length=64)
    path = models.CharField(max_length=500)
    result = models.TextField(blank=True, help_text="Where the first answer sent the person.")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="unique_submission_key_per_user")
        ]
        indexes = [models.Index(fields=["created_at"], name="submission_key_created")]

    def __str__(self) -> str:
        return f"{self.path} -> {self.result}"
