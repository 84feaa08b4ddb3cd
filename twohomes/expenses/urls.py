from django.urls import path

from . import views

F = "f/<uuid:family_id>/expenses/"

urlpatterns = [
    path(F, views.expense_list, name="expense_list"),
    path(F + "balance/", views.expense_balance, name="expense_balance"),
    path(F + "export.csv", views.expense_export, name="expense_export"),
    path(F + "new/", views.expense_new, name="expense_new"),
    path(F + "<int:expense_id>/", views.expense_detail, name="expense_detail"),
    path(F + "<int:expense_id>/agree/", views.expense_agree, name="expense_agree"),
    path(F + "<int:expense_id>/dispute/", views.expense_dispute, name="expense_dispute"),
    path(F + "<int:expense_id>/ask/", views.expense_ask, name="expense_ask"),
    path(F + "<int:expense_id>/answer/", views.expense_answer, name="expense_answer"),
    path(F + "<int:expense_id>/counter/", views.expense_counter, name="expense_counter"),
    path(F + "<int:expense_id>/void/", views.expense_void, name="expense_void"),
    path(F + "receipts/<int:receipt_id>/", views.expense_receipt, name="expense_receipt"),
    path(F + "payments/new/", views.payment_new, name="payment_new"),
    path(F + "payments/<int:payment_id>/confirm/", views.payment_confirm,
         name="payment_confirm"),
    path(F + "categories/", views.expense_categories, name="expense_categories"),
    path(F + "categories/new/", views.category_new, name="category_new"),
    path(F + "categories/<int:category_id>/split/", views.split_propose, name="split_propose"),
    path(F + "splits/<int:proposal_id>/", views.split_decide, name="split_decide"),
    path(F + "settings/", views.expense_settings, name="expense_settings"),
    path(F + "series/<int:series_id>/", views.series_detail, name="series_detail"),
    path(F + "series/<int:series_id>/approve/", views.series_approve, name="series_approve"),
    path(F + "series/<int:series_id>/end/", views.series_end, name="series_end"),
]
