"""The kinds of record a person keeps, which form each uses and which stage page shows it."""

from dataclasses import dataclass

from secondchance.accounts.models import Profile

from . import forms as f
from . import models as m


@dataclass(frozen=True)
class RecordKind:
    slug: str
    model: type
    form: type
    stage: str
    label: str
    singleton: bool = False
    dated: bool = True


RECORD_KINDS = {
    kind.slug: kind
    for kind in (
        RecordKind("breakup", m.Breakup, f.BreakupForm, "understand", "The breakup", singleton=True),
        RecordKind("relationship", Profile, f.RelationshipForm, "understand", "Your relationship", singleton=True, dated=False),
        RecordKind("mistake", m.Mistake, f.MistakeForm, "understand", "A mistake of yours", dated=False),
        RecordKind("slip", m.Slip, f.SlipForm, "no_contact", "A slip"),
        RecordKind("urge", m.Urge, f.UrgeForm, "no_contact", "An urge", dated=False),
        RecordKind("goal", m.Goal, f.GoalForm, "self_work", "A goal", dated=False),
        RecordKind("goal-checkin", m.GoalCheckIn, f.GoalCheckInForm, "self_work", "A goal check-in"),
        RecordKind("self-notes", m.SelfNotes, f.SelfNotesForm, "self_work", "Your lists", singleton=True, dated=False),
        RecordKind("signal", m.Signal, f.SignalForm, "interest", "A sign of their interest"),
        RecordKind("event", m.Event, f.EventForm, "interest", "Something that happened"),
        RecordKind("contact", m.Contact, f.ContactForm, "reach_out", "A contact"),
        RecordKind("hangout", m.Hangout, f.HangoutForm, "reconnect", "A meeting"),
        RecordKind("prep", m.ConversationPrep, f.ConversationPrepForm, "conversation", "Your preparation", singleton=True, dated=False),
        RecordKind("conversation", m.Conversation, f.ConversationForm, "conversation", "The conversation"),
        RecordKind("trial-plan", m.TrialPlan, f.TrialPlanForm, "trial", "Your agreements", singleton=True, dated=False),
        RecordKind("trial-checkin", m.TrialCheckIn, f.TrialCheckInForm, "trial", "A trial check-in"),
        RecordKind("concern", m.Concern, f.ConcernForm, "trial", "A worry from someone close"),
        RecordKind("writing", m.WritingSession, f.WritingForm, "move_on", "A writing session"),
        RecordKind("journal", m.JournalEntry, f.JournalForm, "journal", "A journal entry", dated=False),
        RecordKind("mood", m.MoodCheckIn, f.MoodForm, "today", "A mood check-in", dated=False),
    )
}

# Which records each stage page shows and takes, in order.
STAGE_RECORDS = {
    "understand": ("breakup", "mistake", "relationship"),
    "no_contact": ("slip",),
    "self_work": ("goal", "goal-checkin", "self-notes"),
    "interest": ("signal", "event"),
    "reach_out": ("contact",),
    "reconnect": ("hangout",),
    "conversation": ("prep", "conversation"),
    "trial": ("trial-plan", "trial-checkin", "concern"),
    "counselling": ("event",),
    "together": ("event",),
    "move_on": ("writing", "event"),
}
