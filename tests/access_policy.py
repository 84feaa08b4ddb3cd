"""Who may open what: the access policy, written by hand, read by the authorization matrix.

This table is the policy a person reads and signs off; the matrix test requests every route
as every persona and compares the answer with it. It is deliberately NOT derived from the
code's role x capability table (`families.access.ROLE_CAPS`): granting a role a capability
by mistake there makes the matrix fail here.

Personas (columns):
  parent        a parent of the family
  partner       a parent's new partner, linked to one child (Ada)
  relative      a grandparent or aunt, linked to Ada, added to the parents' conversation
                and invited to Ada's event
  professional  a mediator whose access has not ended, added to the parents' conversation
  expired       a professional whose access has ended
  child         a child with a login (linked to Ada), with a conversation of their own
  other         a parent of another family
  anon          nobody signed in

Answers:
  ok      the page or action is answered (200, or a redirect elsewhere than the sign-in page;
          an empty POST may answer with the form and its errors)
  403     refused: the role may not do this (the object exists and the person may know it)
  404     not found: not a member, or the access has ended (a 403 would confirm it exists)
  login   sent to the sign-in page
  405     the method is not allowed
  409     refused for this person: an invitation is accepted only by the address it was
          sent to (every persona here is someone else)
"""

from __future__ import annotations

PERSONAS = ("parent", "partner", "relative", "professional", "expired", "child", "other",
            "anon")

POLICY_TABLE = """
route                method  parent partner relative professional expired child other anon
# --- outside any family ------------------------------------------------------------------
home                 GET     ok     ok      ok       ok           ok      ok    ok    login
create_family        GET     ok     ok      ok       ok           ok      ok    ok    login
create_family        POST    ok     ok      ok       ok           ok      ok    ok    login
subdivision_options  GET     ok     ok      ok       ok           ok      ok    ok    login
change_name          GET     ok     ok      ok       ok           ok      ok    ok    login
change_name          POST    ok     ok      ok       ok           ok      ok    ok    login
change_language      GET     ok     ok      ok       ok           ok      ok    ok    login
change_language      POST    ok     ok      ok       ok           ok      ok    ok    login
invitation           GET     ok     ok      ok       ok           ok      ok    ok    ok
invitation           POST    409    409     409      409          409     409   409   login
calendar_feed        GET     ok     ok      ok       ok           ok      ok    ok    ok
# --- the family and its members ----------------------------------------------------------
family_home          GET     ok     ok      ok       ok           404     ok    404   login
family_settings      GET     ok     403     403      403          404     403   404   login
family_settings      POST    ok     403     403      403          404     403   404   login
add_child            GET     ok     403     403      403          404     403   404   login
add_child            POST    ok     403     403      403          404     403   404   login
edit_child           GET     ok     403     403      403          404     403   404   login
edit_child           POST    ok     403     403      403          404     403   404   login
members              GET     ok     ok      403      ok           404     403   404   login
invite               GET     ok     403     403      403          404     403   404   login
invite               POST    ok     403     403      403          404     403   404   login
edit_member          GET     ok     403     403      403          404     403   404   login
edit_member          POST    ok     403     403      403          404     403   404   login
remove_member        POST    ok     403     403      403          404     403   404   login
revoke_invitation    POST    ok     403     403      403          404     403   404   login
leave_family         GET     ok     ok      ok       ok           404     ok    404   login
leave_family         POST    ok     ok      ok       ok           404     ok    404   login
audit                GET     ok     403     403      403          404     403   404   login
# --- messages and the record -------------------------------------------------------------
thread_list          GET     ok     ok      ok       ok           404     ok    404   login
new_thread           GET     ok     403     403      403          404     ok    404   login
new_thread           POST    ok     403     403      403          404     ok    404   login
message_preferences  GET     ok     ok      ok       ok           404     ok    404   login
message_preferences  POST    ok     ok      ok       ok           404     ok    404   login
thread_detail        GET     ok     ok      ok       ok           404     ok    404   login
send_message         POST    ok     ok      ok       403          404     ok    404   login
held_edit            POST    ok     ok      ok       403          404     ok    404   login
held_withdraw        POST    ok     ok      ok       403          404     ok    404   login
held_thread_edit     POST    ok     403     403      403          404     ok    404   login
held_thread_withdraw POST    ok     403     403      403          404     ok    404   login
tone_trend           GET     403    403     403      ok           404     403   404   login
add_thread_member    POST    ok     403     403      403          404     403   404   login
attachment           GET     ok     ok      ok       ok           404     ok    404   login
export_record        GET     ok     403     403      ok           404     403   404   login
export_record        POST    ok     403     403      ok           404     403   404   login
# --- tone help (the draft check answers a POST; nothing is kept) -------------------------
tone_check           POST    ok     ok      ok       403          404     ok    404   login
tone_settings        GET     ok     ok      ok       403          404     ok    404   login
tone_settings        POST    ok     ok      ok       403          404     ok    404   login
# --- parenting plans and change requests -------------------------------------------------
plan_list            GET     ok     403     403      ok           404     403   404   login
plan_new             GET     ok     403     403      403          404     403   404   login
plan_new             POST    ok     403     403      403          404     403   404   login
plan_propose         POST    ok     403     403      403          404     403   404   login
plan_detail          GET     ok     403     403      ok           404     403   404   login
plan_decide          POST    ok     403     403      403          404     403   404   login
swap_list            GET     ok     403     403      ok           404     403   404   login
swap_new             GET     ok     403     403      403          404     403   404   login
swap_new             POST    ok     403     403      403          404     403   404   login
swap_detail          GET     ok     403     403      ok           404     403   404   login
swap_answer          POST    ok     403     403      403          404     403   404   login
swap_counter         GET     ok     403     403      403          404     403   404   login
swap_counter         POST    ok     403     403      403          404     403   404   login
# --- the calendar and events -------------------------------------------------------------
calendar_month       GET     ok     ok      ok       ok           404     ok    404   login
calendar_week        GET     ok     ok      ok       ok           404     ok    404   login
calendar_agenda      GET     ok     ok      ok       ok           404     ok    404   login
feed_settings        GET     ok     ok      ok       ok           404     ok    404   login
feed_create          POST    ok     ok      ok       ok           404     ok    404   login
feed_revoke          POST    ok     ok      ok       ok           404     ok    404   login
feed_reminders       POST    ok     ok      ok       ok           404     ok    404   login
event_list           GET     ok     ok      ok       ok           404     ok    404   login
event_new            GET     ok     403     403      403          404     403   404   login
event_new            POST    ok     403     403      403          404     403   404   login
event_detail         GET     ok     ok      ok       ok           404     ok    404   login
event_edit           GET     ok     403     403      403          404     403   404   login
event_edit           POST    ok     403     403      403          404     403   404   login
event_cancel         POST    ok     403     403      403          404     403   404   login
event_skip           POST    ok     403     403      403          404     403   404   login
event_invite         POST    ok     403     403      403          404     403   404   login
event_reply          POST    ok     403     ok       403          404     403   404   login
# --- shared expenses: parents only (professionals see money once the parents grant it) ---
expense_list         GET     ok     403     403      403          404     403   404   login
expense_balance      GET     ok     403     403      403          404     403   404   login
expense_export       GET     ok     403     403      403          404     403   404   login
expense_new          GET     ok     403     403      403          404     403   404   login
expense_new          POST    ok     403     403      403          404     403   404   login
expense_detail       GET     ok     403     403      403          404     403   404   login
expense_agree        POST    ok     403     403      403          404     403   404   login
expense_dispute      POST    ok     403     403      403          404     403   404   login
expense_ask          POST    ok     403     403      403          404     403   404   login
expense_answer       POST    ok     403     403      403          404     403   404   login
expense_counter      POST    ok     403     403      403          404     403   404   login
expense_void         POST    ok     403     403      403          404     403   404   login
expense_receipt      GET     ok     403     403      403          404     403   404   login
payment_new          GET     ok     403     403      403          404     403   404   login
payment_new          POST    ok     403     403      403          404     403   404   login
payment_confirm      POST    ok     403     403      403          404     403   404   login
expense_categories   GET     ok     403     403      403          404     403   404   login
category_new         POST    ok     403     403      403          404     403   404   login
split_propose        POST    ok     403     403      403          404     403   404   login
split_decide         POST    ok     403     403      403          404     403   404   login
expense_settings     POST    ok     403     403      403          404     403   404   login
series_detail        GET     ok     403     403      403          404     403   404   login
series_approve       POST    ok     403     403      403          404     403   404   login
series_end           POST    ok     403     403      403          404     403   404   login
"""


def policy() -> dict[tuple[str, str], dict[str, str]]:
    """{(route, method): {persona: answer}} from the table above."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    lines = [line.split() for line in POLICY_TABLE.strip().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    header, body = lines[0], lines[1:]
    assert tuple(header[2:]) == PERSONAS, header
    for route, method, *answers in body:
        assert len(answers) == len(PERSONAS), route
        assert (route, method) not in rows, f"{route} {method} is written twice"
        rows[route, method] = dict(zip(PERSONAS, answers, strict=True))
    return rows
