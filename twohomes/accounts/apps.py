from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from twohomes.areas import Area, Job


class AccountsConfig(AppConfig):
    name = "twohomes.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    area = Area(jobs=(Job("twohomes.accounts.tasks.forget_old_submissions",
                          gettext_noop("every hour")),))

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the sign-in notification)
