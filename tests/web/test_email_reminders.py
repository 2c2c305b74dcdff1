"""The daily e-mail is sent by the background worker to a real SMTP server (a local sink), never by the request."""

import datetime as dt
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from secondchance.journey import models as m
from secondchance.journey.email_reminders import next_send_time

pytestmark = pytest.mark.django_db(transaction=True)


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture
def smtp_sink():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    with override_settings(EMAIL_REMINDERS=True, EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                           EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, SITE_URL="https://notes.example.org"):
        yield sink
    controller.stop()


def run_due_tasks():
    DBTaskResult.objects.update(run_after=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))  # as if the hour had come
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_the_worker_sends_the_daily_email_with_a_way_to_stop_it(alice_client, alice, smtp_sink):
    response = alice_client.post(reverse("change_email_reminder"), {"action": "on", "hour": "7"})
    assert response.status_code == 302
    assert smtp_sink.messages == []  # the request only booked it
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_due_tasks()
    assert len(smtp_sink.messages) == 1
    recipients, content = smtp_sink.messages[0]
    assert recipients == ["alice@example.org"]
    assert "Subject: Your check-in for today" in content and "Today's step:" in content
    token = m.EmailReminder.objects.get(owner=alice).unsubscribe_token
    assert f"https://notes.example.org/reminders/stop/{token}/" in content
    tomorrow = DBTaskResult.objects.get(status="READY")  # the next one is booked
    assert tomorrow.run_after > dt.datetime.now(dt.timezone.utc)

    stop = Client().get(reverse("stop_reminders", args=[token]))  # from the e-mail: no sign-in
    assert stop.status_code == 200 and m.EmailReminder.objects.get(owner=alice).active  # a link alone changes nothing
    Client().post(reverse("stop_reminders", args=[token]))
    assert not m.EmailReminder.objects.get(owner=alice).active
    run_due_tasks()
    assert len(smtp_sink.messages) == 1  # stopped: nothing more is sent


def test_discreet_mode_sends_a_plain_check_in(alice_client, alice, smtp_sink):
    from secondchance.accounts.models import Profile

    Profile.objects.filter(owner=alice).update(discreet_mode=True)
    alice_client.post(reverse("change_email_reminder"), {"action": "on", "hour": "7"})
    run_due_tasks()
    content = smtp_sink.messages[0][1]
    assert "Subject: Check-in" in content and "Today's step" not in content and "Second Chance" not in content


def test_the_hour_is_the_persons_own(alice):
    from secondchance.accounts.models import Profile

    Profile.objects.filter(owner=alice).update(time_zone="Pacific/Auckland")
    reminder = m.EmailReminder.objects.get(pk=m.EmailReminder.objects.create(owner=alice, hour=7).pk)  # read afresh
    after = dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.timezone.utc)  # 09:00 on 2 March in Auckland
    when = next_send_time(reminder, after)
    assert (when.date(), when.hour, str(when.tzinfo)) == (dt.date(2026, 3, 3), 7, "Pacific/Auckland")


def test_without_hosted_e_mail_the_setting_is_not_offered(alice_client):
    assert "A daily e-mail" not in alice_client.get(reverse("settings")).content.decode()
    assert alice_client.post(reverse("change_email_reminder"), {"action": "on", "hour": "7"}).status_code == 404
