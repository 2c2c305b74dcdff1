"""Every word a person reads on a page is written for them: no code identifiers, no Django filler."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from secondchance.journey.records import STAGE_RECORDS

pytestmark = pytest.mark.django_db

IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b|-{5,}")


class VisibleText(HTMLParser):
    """The text a person sees or hears: body text, option labels, button words, alt and aria labels."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.skipping += 1
        for name, value in attrs:
            if name in ("alt", "aria-label", "title", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def pages():
    yield reverse("today")
    yield reverse("program")
    yield reverse("journal")
    yield reverse("coach")
    yield reverse("safety")
    yield reverse("settings")
    yield reverse("readable_records")
    yield reverse("they_reached_out")
    yield reverse("reached_out_next")
    for stage in STAGE_RECORDS:
        yield reverse("stage", kwargs={"stage_id": stage})


def test_no_page_shows_code_words(alice_client):
    offenders = {}
    for url in pages():
        found = sorted(set(IDENTIFIER.findall(visible_text(alice_client.get(url).content.decode()))))
        if found:
            offenders[url] = found
    assert offenders == {}


def test_saving_and_adding_read_as_sentences(alice_client):
    page = alice_client.get(reverse("stage", kwargs={"stage_id": "no_contact"})).content.decode()
    assert "Add a slip" in page and "Add: " not in page
    saved = alice_client.post(reverse("add_record", args=["journal"]), {"text": "A quiet day."}, follow=True)
    assert "Saved." in saved.content.decode() and "Saved: " not in saved.content.decode()


def test_empty_choices_are_worded(alice_client):
    page = alice_client.get(reverse("stage", kwargs={"stage_id": "interest"})).content.decode()
    assert '<option value="" selected>Choose one</option>' in page and "---------" not in page
