from django.apps import AppConfig
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from twohomes.areas import Area, Job, MenuEntry

AREA = Area(
    menu=(MenuEntry("expense_list", pgettext_lazy("menu", "Expenses"), order=55,
                    cap="view_expenses",
                    sections=("expense_", "payment_", "category_", "split_", "series_")),),
    jobs=(Job("twohomes.expenses.tasks.expenses_tick", gettext_noop("every five minutes")),),
    demo="twohomes.expenses.demo.seed_demo_expenses",
    record_kinds={
        "expenses.expense.asked": gettext_lazy("A parent logged an expense and asked for a "
                                               "share"),
        "expenses.receipt.added": gettext_lazy("A receipt was added to an expense"),
        "expenses.expense.agreed": gettext_lazy("A parent agreed to a share of an expense"),
        "expenses.expense.disputed": gettext_lazy("A parent disputed an expense"),
        "expenses.expense.question": gettext_lazy("A parent asked about an expense"),
        "expenses.expense.answered": gettext_lazy("A parent answered a question about an "
                                                  "expense"),
        "expenses.expense.countered": gettext_lazy("A parent proposed another share"),
        "expenses.expense.voided": gettext_lazy("A parent voided an expense"),
        "expenses.payment.recorded": gettext_lazy("A parent recorded a payment"),
        "expenses.payment.confirmed": gettext_lazy("A parent confirmed a payment arrived"),
        "expenses.category.added": gettext_lazy("A parent added an expense category"),
        "expenses.split.proposed": gettext_lazy("A parent proposed a category's split"),
        "expenses.split.accepted": gettext_lazy("A parent accepted a category's split"),
        "expenses.split.declined": gettext_lazy("A parent declined a category's split"),
        "expenses.split.withdrawn": gettext_lazy("A parent withdrew a proposed split"),
        "expenses.series.started": gettext_lazy("A parent started a repeating expense"),
        "expenses.series.approved": gettext_lazy("A parent approved a repeating expense"),
        "expenses.series.ended": gettext_lazy("A parent ended a repeating expense"),
        "expenses.settings.changed": gettext_lazy("A parent changed the time to answer"),
    },
    append_only_tables=("expenses_expensestep", "expenses_expensereceipt"),
    urls="twohomes.expenses.urls",
)


class ExpensesConfig(AppConfig):
    name = "twohomes.expenses"
    label = "expenses"
    verbose_name = gettext_lazy("Expenses")
    area = AREA
