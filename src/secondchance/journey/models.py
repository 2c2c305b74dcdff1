from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404

from secondchance.program import readiness
from secondchance.program.self_work import AREAS


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)


class OwnedModel(models.Model):
    """A row that belongs to one person. Reach it through ``owned_by`` or ``get_owned_or_404``."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_index=True, related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def get_owned_or_404(model, user, **lookup):
    # Someone else's record answers 404, exactly like one that doesn't exist.
    return get_object_or_404(model.objects.owned_by(user), **lookup)


class Assessment(OwnedModel):
    """One take of the stage 0 check: answers saved as the person goes, then its outcome."""

    OUTCOME_CHOICES = [(o.value, o.value) for o in readiness.Outcome]

    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # The person's own calendar day when they finished: what the plan counts from.
    completed_on = models.DateField(null=True, blank=True)
    answers = models.JSONField(default=dict)
    outcome = models.CharField(max_length=16, choices=OUTCOME_CHOICES, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-started_at"])]

    def __str__(self):
        return f"Check {self.pk} ({self.outcome or 'in progress'})"

    @property
    def is_complete(self):
        return self.completed_at is not None

    def result(self) -> readiness.ReadinessResult:
        return readiness.assess_readiness(self.answers)


# --- The program's records (PROGRAM.md stages 1 to 10, Move On, Safety) ----------

TEXT_MAX = 2000
SHORT_MAX = 200


def short_text(**kwargs):
    return models.CharField(max_length=SHORT_MAX, **kwargs)


def long_text(**kwargs):
    return models.TextField(max_length=TEXT_MAX, **kwargs)


def choices_of(literal_type):
    return [(value, value.replace("_", " ").capitalize()) for value in literal_type.__args__]


class Breakup(OwnedModel):
    """Stage 1: how it ended and why. One per person."""

    ENDED_BY = [
        ("me_impulsive", "I ended it, on impulse"),
        ("me_after_frustration", "I ended it, after a long time of frustration"),
        ("them_considered", "They ended it, after careful thought"),
        ("them_impulsive", "They ended it, suddenly"),
        ("mutual", "We both decided"),
    ]
    date = models.DateField(help_text="The day it ended.")
    ended_by = models.CharField(max_length=24, choices=ENDED_BY, blank=True)
    causes = models.JSONField(default=list, blank=True)
    reasons_given = long_text(blank=True, help_text="What they said, in their words as best you remember.")
    triggers = long_text(blank=True, help_text="What sets you off, one per line.")
    went_right = long_text(blank=True, help_text="One per line.")
    went_wrong = long_text(blank=True, help_text="One per line.")
    intense_emotions = models.BooleanField(default=False, help_text="Feelings are still very strong most days.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_breakup_per_owner")]


class Mistake(OwnedModel):
    what = short_text(help_text="Something you did that hurt the relationship.")
    remedy = short_text(blank=True, help_text="What you will do differently, concretely.")
    created_at = models.DateTimeField(auto_now_add=True)


class Slip(OwnedModel):
    date = models.DateField()
    what = short_text(help_text="What happened, e.g. 'sent a text at night'.")
    trigger = short_text(blank=True, help_text="What set it off.")

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Urge(OwnedModel):
    OUTCOMES = [("held", "I held on"), ("reached_out", "I reached out")]
    created_at = models.DateTimeField(auto_now_add=True)
    date = models.DateField()
    intensity = models.PositiveSmallIntegerField(default=5)
    outcome = models.CharField(max_length=16, choices=OUTCOMES)
    helped = short_text(blank=True, help_text="What helped, if anything.")
    trigger = short_text(blank=True, help_text="What set it off, if you know.")

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class SelfNotes(OwnedModel):
    """Stage 3 lists and the urge tool's reasons. One per person."""

    strengths = long_text(blank=True, help_text="One per line.")
    liked_qualities = long_text(blank=True, help_text="What they first liked in you, one per line.")
    habits_to_change = long_text(blank=True, help_text="One per line.")
    reasons_to_wait = long_text(blank=True, help_text="Your own reasons for giving it time, one per line.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_self_notes_per_owner")]


class SafetyPlan(OwnedModel):
    """The person's own plan for a bad moment, in their words. One per person.

    Not screened: it is written about danger on purpose, and a plan that raised
    red flags would punish the person for making it."""

    warning_signs = long_text(blank=True)
    safe_places = long_text(blank=True)
    safe_people = long_text(blank=True)
    what_to_take = long_text(blank=True)
    numbers = long_text(blank=True)
    code_word = short_text(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_safety_plan_per_owner")]

    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in SAFETY_PLAN_FIELDS)


SAFETY_PLAN_FIELDS = ("warning_signs", "safe_places", "safe_people", "what_to_take", "numbers", "code_word")


class Goal(OwnedModel):
    area = models.CharField(max_length=24, choices=list(AREAS.items()))
    title = short_text()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.title


class GoalCheckIn(OwnedModel):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    date = models.DateField()
    progress = models.PositiveSmallIntegerField(help_text="0 to 100.")

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Signal(OwnedModel):
    date = models.DateField()
    kind = models.CharField(max_length=32)
    direction = models.CharField(max_length=8, blank=True, choices=[("positive", "A warm sign"), ("negative", "A cool sign")])
    note = short_text(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Contact(OwnedModel):
    CHANNELS = [
        ("social_media", "Social media"),
        ("text", "Text"),
        ("call", "Phone call"),
        ("video", "Video call"),
        ("in_person", "In person"),
    ]
    RESPONSES = [("warm", "Warm"), ("neutral", "Neutral"), ("cold", "Cold"), ("none", "No reply yet")]
    date = models.DateField()
    channel = models.CharField(max_length=16, choices=CHANNELS)
    initiated_by = models.CharField(max_length=8, choices=[("me", "Me"), ("them", "Them")], default="me")
    response = models.CharField(max_length=8, choices=RESPONSES, default="none")
    note = short_text(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Hangout(OwnedModel):
    FELT = [("good", "Good"), ("okay", "Okay"), ("awkward", "Awkward"), ("bad", "Bad")]
    date = models.DateField()
    kind = short_text(help_text="What you did, e.g. coffee, a walk, mini-golf.")
    felt = models.CharField(max_length=8, choices=FELT)
    note = long_text(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class ConversationPrep(OwnedModel):
    """Stage 7 preparation and the apology builder. One per person."""

    opening = short_text(blank=True, help_text="Respectful, not a plea.")
    their_concerns = long_text(blank=True, help_text="What you expect they will want to say first.")
    what_didnt_work = long_text(blank=True)
    do_differently = long_text(blank=True, help_text="What each of you would do differently.")
    goals = long_text(blank=True, help_text="Goals and long-term plans to talk about.")
    apology_regret = long_text(blank=True, help_text="Name the hurt you caused.")
    apology_responsibility = long_text(blank=True, help_text="Own it, without excuses.")
    apology_remedy = long_text(blank=True, help_text="What you will change.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_prep_per_owner")]


class Conversation(OwnedModel):
    OUTCOMES = [("yes", "Yes, let's try again"), ("not_ready", "Not ready yet"), ("no", "No")]
    date = models.DateField()
    outcome = models.CharField(max_length=12, choices=OUTCOMES)
    note = long_text(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class TrialPlan(OwnedModel):
    agreements = long_text(blank=True, help_text="The changes you agreed on, one per line.")
    disagreement_plan = long_text(blank=True, help_text="How you will handle disagreements, e.g. an agreed phrase.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_trial_plan_per_owner")]


class TrialCheckIn(OwnedModel):
    date = models.DateField()
    scores = models.JSONField(default=dict)
    red_flag = models.BooleanField(default=False, help_text="Something happened that felt unsafe or abusive.")
    note = long_text(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Concern(OwnedModel):
    date = models.DateField()
    who = short_text(help_text="e.g. my sister")
    topic = short_text(help_text="What worries them, in a few words.")

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Event(OwnedModel):
    """Things that change the path: their answer, red flags, choices you make."""

    KINDS = [
        ("said_no", "They said no"),
        ("blocked", "They blocked me"),
        ("new_partner", "They have a new committed partner"),
        ("they_reached_out", "They reached out to me"),
        ("red_flag", "A red flag was recorded"),
        ("detection_disputed", "I said a detection was wrong"),
        ("safety_resolved", "I marked my safety concern resolved"),
        ("chose_move_on", "I chose to move on"),
        ("counselling_started", "We started counselling"),
        ("went_public", "We went public"),
    ]
    date = models.DateField()
    kind = models.CharField(max_length=24, choices=KINDS)
    note = short_text(blank=True)
    # For a red flag found in writing: the words it was found in, and where.
    detail = short_text(blank=True)
    # Found by the screen in the person's writing, not told by them: only such a flag can be
    # marked as picked up wrongly (a confirmed one closes the way back to the ex for good).
    detected = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"]), models.Index(fields=["owner", "kind"])]


class JournalEntry(OwnedModel):
    created_at = models.DateTimeField(auto_now_add=True)
    text = long_text()

    class Meta:
        indexes = [models.Index(fields=["owner", "created_at"])]
        ordering = ["-created_at", "-pk"]


class MoodCheckIn(OwnedModel):
    MOODS = [(1, "Very low"), (2, "Low"), (3, "Okay"), (4, "Good"), (5, "Very good")]
    created_at = models.DateTimeField(auto_now_add=True)
    mood = models.PositiveSmallIntegerField(choices=MOODS)

    class Meta:
        indexes = [models.Index(fields=["owner", "created_at"])]
        ordering = ["-created_at", "-pk"]


class WritingSession(OwnedModel):
    FELT = [("better", "Better"), ("same", "About the same"), ("worse", "Worse")]
    date = models.DateField()
    minutes = models.PositiveSmallIntegerField()
    felt = models.CharField(max_length=8, choices=FELT, blank=True)
    text = long_text(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]


class Draft(OwnedModel):
    """A message to the ex, kept here while the person thinks it over. The app never sends it."""

    KINDS = [
        ("auto", "Work it out from the words"),
        ("outreach", "A first message after no contact"),
        ("reply", "A reply to them"),
        ("apology", "An apology"),
        ("opening", "Opening words for the honest conversation"),
    ]
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    kind = models.CharField(max_length=12, choices=KINDS, default="auto")
    text = long_text()
    set_aside_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "updated_at"])]
        ordering = ["-updated_at", "-pk"]


class Submission(OwnedModel):
    """A form already saved: the same form sent twice (a double click, a resend) adds one row, not two."""

    token = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)


class PlanStamp(models.Model):
    """How many times a person's records have changed: a computed plan is kept until this moves.

    Not a record of theirs (it is left out of their download); it goes with the account."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")
    version = models.PositiveBigIntegerField(default=0)


class StepMark(OwnedModel):
    """Today's step, marked done or "not today" by the person. Kept, never counted against them."""

    OUTCOMES = [("done", "Done"), ("skipped", "Not today")]
    date = models.DateField()
    step_id = models.CharField(max_length=64)
    outcome = models.CharField(max_length=8, choices=OUTCOMES)

    class Meta:
        indexes = [models.Index(fields=["owner", "date"])]
        constraints = [models.UniqueConstraint(fields=["owner", "date", "step_id"], name="one_mark_per_step_a_day")]


def new_feed_token() -> str:
    import secrets

    return secrets.token_urlsafe(32)


class CalendarFeed(OwnedModel):
    """A private calendar link: anyone with its long random token can read the reminders, so it can be replaced."""

    HOURS = [(None, "No daily check-in")] + [(h, f"{h:02d}:00") for h in range(24)]
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    daily_hour = models.PositiveSmallIntegerField(null=True, blank=True, choices=HOURS)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_calendar_feed_per_owner")]


def new_unsubscribe_token() -> str:
    import secrets

    return secrets.token_urlsafe(32)


class EmailReminder(OwnedModel):
    """A daily e-mail at the person's hour, in their zone (hosted mode). Stopping it takes one click from the e-mail."""

    hour = models.PositiveSmallIntegerField(choices=[(h, f"{h:02d}:00") for h in range(24)], default=8)
    active = models.BooleanField(default=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_unsubscribe_token)
    last_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_email_reminder_per_owner")]
