"""Journey builders and hypothesis strategies for the core's tests."""

import datetime as dt
from dataclasses import replace

from hypothesis import strategies as st

from secondchance.program import snapshot as s
from secondchance.program.causes import CAUSES
from secondchance.program.interest import SIGNAL_LABELS
from secondchance.program.ladder import RUNGS
from secondchance.program.readiness import QUESTIONS

from .answers import READY

BREAKUP = dt.date(2026, 1, 1)


def day(n: int) -> dt.date:
    """The date n days after the breakup."""
    return BREAKUP + dt.timedelta(days=n)


def understood(**breakup_changes) -> s.Journey:
    """A journey through stage 1: ready, the breakup understood, nothing after."""
    breakup = s.Breakup(
        date=BREAKUP,
        ended_by="them_impulsive",
        causes=("communication",),
        mistakes=(s.Mistake("I went quiet in arguments", "Say when I need a break, and come back"),),
    )
    return s.Journey(readiness=s.Readiness(day(5), dict(READY)), breakup=replace(breakup, **breakup_changes))


def with_goals(journey: s.Journey) -> s.Journey:
    goal = s.Goal("health", "Walk every day", (s.GoalCheckIn(day(10), 50),))
    return replace(journey, self_work=s.SelfWork(goals=(goal,)))


def warm_ladder(start: int = 40) -> tuple[s.Contact, ...]:
    return tuple(s.Contact(day(start + i), rung, "me", "warm") for i, rung in enumerate(RUNGS[:-1]))


def ready_to_reach_out() -> s.Journey:
    signals = (s.Signal(day(20), "likes_or_comments_more"), s.Signal(day(24), "brings_up_memories"))
    return replace(with_goals(understood()), signals=signals)


def ready_for_conversation() -> s.Journey:
    journey = ready_to_reach_out()
    hangouts = (s.Hangout(day(50), "coffee", "good"), s.Hangout(day(55), "walk", "okay"))
    return replace(journey, contacts=warm_ladder(), hangouts=hangouts)


def in_trial(yes_on: int = 60) -> s.Journey:
    journey = ready_for_conversation()
    return replace(
        journey,
        conversations=(s.Conversation(day(yes_on), "yes"),),
        readiness=s.Readiness(day(yes_on + 1), dict(READY)),
        trial=s.Trial(agreements=("A weekly date night",), disagreement_plan="Say 'pause' and listen"),
    )


# --- Strategies --------------------------------------------------------------

days = st.integers(min_value=-30, max_value=400).map(day)
choice_questions = [q for q in QUESTIONS.values() if not q.free_text]
answers = st.one_of(
    st.just(dict(READY)),
    st.fixed_dictionaries({q.id: st.sampled_from(sorted(q.values)) for q in choice_questions}),
)
events = st.builds(s.Event, date=days, kind=st.sampled_from(s.EventKind.__args__))
contacts = st.builds(
    s.Contact,
    date=days,
    channel=st.sampled_from(RUNGS),
    initiated_by=st.sampled_from(("me", "them")),
    response=st.sampled_from(("warm", "neutral", "cold", "none")),
)
journeys = st.builds(
    s.Journey,
    readiness=st.one_of(st.none(), st.builds(s.Readiness, taken_on=days, answers=answers)),
    breakup=st.one_of(
        st.none(),
        st.builds(
            s.Breakup,
            date=st.just(BREAKUP),
            ended_by=st.sampled_from(s.EndedBy.__args__),
            causes=st.lists(st.sampled_from([c.id for c in CAUSES]), max_size=3, unique=True).map(tuple),
            mistakes=st.lists(st.builds(s.Mistake, what=st.just("x"), remedy=st.sampled_from(("", "y"))), max_size=2).map(tuple),
            intense_emotions=st.booleans(),
        ),
    ),
    no_contact=st.builds(s.NoContact, slips=st.lists(st.builds(s.Slip, date=days), max_size=12).map(tuple)),
    self_work=st.just(with_goals(s.Journey()).self_work),
    signals=st.lists(st.builds(s.Signal, date=days, kind=st.sampled_from(sorted(SIGNAL_LABELS))), max_size=4).map(tuple),
    contacts=st.lists(contacts, max_size=8).map(tuple),
    hangouts=st.lists(st.builds(s.Hangout, date=days, felt=st.sampled_from(s.Felt.__args__)), max_size=4).map(tuple),
    conversations=st.lists(
        st.builds(s.Conversation, date=days, outcome=st.sampled_from(s.ConversationOutcome.__args__)), max_size=2
    ).map(tuple),
    events=st.lists(events, max_size=4).map(tuple),
)
