"""Simultaneous attempts on PostgreSQL, each thread with its own connection: two people
sending the same report produce one submission; two sweeps started at once send each
reminder once. (In-memory SQLite is a single connection, so these run on PostgreSQL.)"""

import datetime
import threading

import pytest
import time_machine
from django.db import connection

from tests.reports.conftest import DUE, at, filled
from thidua.core.workflow import AlreadyChanged
from thidua.reports import reminders, services
from thidua.reports.models import Reminder, Submission, UnitReport

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: one connection per thread"),
]


def together(*calls):
    """Run the calls at the same moment in threads; return (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_two_people_sending_at_once_make_one_submission(org, report_a):
    services.assign_owner(report=report_a, owner=org.people.staff_a, actor=org.users.head_a)
    copies = [UnitReport.objects.select_related("period", "unit", "owner").get(pk=report_a.pk) for _ in range(2)]
    results, errors = together(
        lambda: services.submit_report(report=copies[0], actor=org.users.head_a, content=filled(copies[0])),
        lambda: services.submit_report(report=copies[1], actor=org.users.staff_a, content=filled(copies[1])),
    )
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], AlreadyChanged)
    assert str(errors[0]) == "Báo cáo đã được người khác chuyển sang «Đã gửi» trước đó."
    assert Submission.objects.filter(report=report_a).count() == 1


def test_many_clicks_at_once_make_one_submission(org, report_a):
    copies = [UnitReport.objects.select_related("period", "unit", "owner").get(pk=report_a.pk) for _ in range(6)]
    results, errors = together(
        *[(lambda c=c: services.submit_report(report=c, actor=org.users.head_a, content=filled(c))) for c in copies]
    )
    assert len(results) == 1 and all(isinstance(e, AlreadyChanged) for e in errors)
    assert Submission.objects.filter(report=report_a).count() == 1


def test_two_sweeps_at_once_send_each_reminder_once(org, report_a, report_b, with_emails, mailoutbox):
    day = DUE - datetime.timedelta(days=3)
    with time_machine.travel(at(day, 7), tick=False):
        results, errors = together(
            lambda: reminders.send_due_reminders(today=day), lambda: reminders.send_due_reminders(today=day)
        )
    assert errors == []
    assert sum(sweep.reminders for sweep in results) == Reminder.objects.count() == 2
    addresses = [m.to[0] for m in mailoutbox]
    assert len(addresses) == len(set(addresses)) == 2
