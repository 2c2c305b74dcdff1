"""Build the core's journey snapshot from one person's rows, for their plan: one query per table."""

from secondchance.accounts.models import Profile
from secondchance.program import snapshot as core

from . import models as m
from .clock import local_date


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def journey_for(user) -> core.Journey:
    profile = Profile.for_user(user)

    def mine(model):
        return model.objects.owned_by(user)

    def rows(model, order, *fields):
        # Plain tuples, not model instances: a long history of slips or urges stays cheap to read.
        return mine(model).order_by(*order).values_list(*fields)

    latest_check = mine(m.Assessment).exclude(completed_at=None).order_by("-completed_at", "-pk").first()
    breakup = mine(m.Breakup).first()
    notes = mine(m.SelfNotes).first()
    trial_plan = mine(m.TrialPlan).first()
    goals = mine(m.Goal).prefetch_related("checkins").order_by("created_at")
    return core.Journey(
        profile=core.Profile(
            country=profile.country,
            time_zone=profile.time_zone,
            relationship_months=profile.relationship_months,
            lived_together=profile.lived_together,
            married=profile.married,
            children=profile.children,
            shared_home=profile.shared_home,
            work_together=profile.work_together,
            previous_breakups=profile.previous_breakups,
        ),
        readiness=core.Readiness(
            latest_check.completed_on or local_date(latest_check.completed_at, profile), dict(latest_check.answers)
        )
        if latest_check
        else None,
        breakup=_breakup(breakup, mine(m.Mistake).order_by("created_at")) if breakup else None,
        no_contact=core.NoContact(
            limited_contact=profile.limited_contact,
            # The plan counts slips by date and does not read urges or what a slip was: only the
            # dates are read, so a long history of them stays cheap (the urge page reads the rest).
            slips=tuple(core.Slip(date) for date in mine(m.Slip).order_by("date").values_list("date", flat=True)),
        ),
        self_work=core.SelfWork(
            goals=tuple(
                core.Goal(g.area, g.title, tuple(core.GoalCheckIn(c.date, c.progress) for c in g.checkins.all()))
                for g in goals
            ),
            strengths=lines(notes.strengths) if notes else (),
            liked_qualities=lines(notes.liked_qualities) if notes else (),
            habits_to_change=lines(notes.habits_to_change) if notes else (),
        ),
        signals=tuple(
            core.Signal(date, kind, direction or None, note)
            for date, kind, direction, note in rows(m.Signal, ("date",), "date", "kind", "direction", "note")
        ),
        contacts=tuple(
            core.Contact(*row) for row in rows(m.Contact, ("date", "pk"), "date", "channel", "initiated_by", "response")
        ),
        hangouts=tuple(core.Hangout(*row) for row in rows(m.Hangout, ("date",), "date", "kind", "felt")),
        conversations=tuple(core.Conversation(*row) for row in rows(m.Conversation, ("date",), "date", "outcome")),
        trial=core.Trial(
            agreements=lines(trial_plan.agreements) if trial_plan else (),
            disagreement_plan=trial_plan.disagreement_plan if trial_plan else "",
            checkins=tuple(
                core.TrialCheckIn(c.date, dict(c.scores), c.red_flag, c.note) for c in mine(m.TrialCheckIn).order_by("date")
            ),
        ),
        concerns=tuple(core.Concern(*row) for row in rows(m.Concern, ("date",), "date", "who", "topic")),
        events=tuple(core.Event(*row) for row in rows(m.Event, ("date", "pk"), "date", "kind", "note", "detected")),
        writing=tuple(
            core.WritingSession(date, minutes, felt or None)
            for date, minutes, felt in rows(m.WritingSession, ("date",), "date", "minutes", "felt")
        ),
    )


def _breakup(breakup, mistakes) -> core.Breakup:
    return core.Breakup(
        date=breakup.date,
        ended_by=breakup.ended_by or None,
        causes=tuple(breakup.causes),
        reasons_given=lines(breakup.reasons_given),
        mistakes=tuple(core.Mistake(x.what, x.remedy) for x in mistakes),
        triggers=lines(breakup.triggers),
        went_right=lines(breakup.went_right),
        went_wrong=lines(breakup.went_wrong),
        intense_emotions=breakup.intense_emotions,
    )
