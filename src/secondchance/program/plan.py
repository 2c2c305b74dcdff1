"""The plan: from one person's journey snapshot and today's date, where they are and what comes next.

Order of precedence, each a rule of PROGRAM.md:
1. ``safety_first``: an unresolved red flag puts the journey in Safety, and nothing else is offered.
2. ``consent_ends_pursuit``, ``dealbreaker_move_on``, a "no" in the honest conversation, the
   stage 0 ``move_on`` result, or the person's own choice: Move On.
3. Otherwise the stages 0 to 10 in order, each entered only through its gate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import shifted
from . import readiness as stage0
from .causes import Fixability, cause_label, classify_cause, dealbreakers_in
from .consent import CLOSED_DOOR_WORDS, REPEATED_UNANSWERED_LIMIT, ConsentStatus, consent_status
from .counselling import CounsellingAdvice, counselling_advice
from .interest import InterestSummary, interest_summary
from .ladder import RUNG_ADVICE, RUNG_LABELS, LadderStatus, climb_ladder
from .move_on import WritingProgress, writing_progress
from .no_contact import NoContactStatus, no_contact_status
from .rules import rule
from .safety import SafetyStatus, flag_words, safety_status
from .self_work import GoalProgress, goal_progress
from .snapshot import Journey
from .stages import STAGE_BY_ID
from .trial import TrialHealth, trial_health
from .words import human_date

RETAKE_CHECK_AFTER_DAYS = 21
FRIENDLY_MEETINGS_NEEDED = 2
FRIENDLY_FEELINGS = ("good", "okay")
WAIT_AFTER_NOT_READY_DAYS = 30
GOAL_CHECKIN_EVERY_DAYS = 7
STAGE_ORDER = (
    "readiness",
    "understand",
    "no_contact",
    "self_work",
    "interest",
    "reach_out",
    "reconnect",
    "conversation",
    "trial",
    "counselling",
    "together",
)


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    why: str
    rule: str

    @property
    def source(self) -> str:
        return rule(self.rule).source


@dataclass(frozen=True)
class Lock:
    action: str
    reason: str
    rule: str
    until: dt.date | None = None


@dataclass(frozen=True)
class StageDone:
    stage: str
    reason: str


@dataclass(frozen=True)
class Dates:
    breakup: dt.date | None
    no_contact_target: dt.date | None
    earliest_outreach: dt.date | None
    next_checkin: dt.date | None
    # After a "not yet": the day the check opens again (None when nothing waits for it).
    retake_check: dt.date | None = None


@dataclass(frozen=True)
class CauseView:
    id: str
    label: str
    fixability: Fixability
    note: str = ""


@dataclass(frozen=True)
class Plan:
    today: dt.date
    stage: str
    stage_reason: str
    stage_rule: str
    stages_done: tuple[StageDone, ...]
    next_actions: tuple[Action, ...]
    locked: tuple[Lock, ...]
    dates: Dates
    outreach_allowed: bool
    reply_allowed: bool
    safety: SafetyStatus
    consent: ConsentStatus
    reasons: tuple[str, ...]
    causes: tuple[CauseView, ...]
    interest: InterestSummary
    counselling: CounsellingAdvice
    no_contact: NoContactStatus | None
    ladder: LadderStatus
    goals: tuple[GoalProgress, ...] = ()
    trial: TrialHealth | None = None
    move_on: WritingProgress | None = None

    @property
    def stage_title(self) -> str:
        return STAGE_BY_ID[self.stage].title


@dataclass
class _Walk:
    """What walking the stages in order found: done stages, the current one, its actions."""

    done: list[StageDone] = field(default_factory=list)
    stage: str = "readiness"
    reason: str = ""
    rule: str = "readiness_check"
    actions: list[Action] = field(default_factory=list)
    trial: TrialHealth | None = None

    def stop(self, stage: str, reason: str, *actions: Action) -> _Walk:
        self.stage, self.reason = stage, reason
        self.rule = actions[0].rule
        self.actions.extend(actions)
        return self


def build_plan(journey: Journey, today: dt.date) -> Plan:
    """Decide the plan. Pure: the same journey and date always give the same plan."""
    safety = safety_status(journey)
    consent = consent_status(journey)
    no_contact = no_contact_status(journey, today)
    interest = interest_summary(journey)
    ladder = climb_ladder(journey.contacts)
    walk = _walk_stages(journey, today, no_contact, interest, ladder)
    locks = _locks(journey, today, safety, consent, no_contact, interest, ladder, walk)
    outreach_allowed = not any(lock.action == "outreach" for lock in locks)
    move_on_reason, move_on_rule = _move_on_reason(journey, consent, safety)

    if safety.active:
        stage, reason, stage_rule, actions = "safety", _safety_reason(safety), "safety_first", _safety_actions(safety)
    elif move_on_reason:
        stage, reason, stage_rule = "move_on", move_on_reason, move_on_rule
        actions = _after_harm_actions(safety) if move_on_rule == "harm_closes_path" else _move_on_actions(journey, today, consent)
    else:
        stage, reason, stage_rule, actions = walk.stage, walk.reason, walk.rule, walk.actions

    return Plan(
        today=today,
        stage=stage,
        stage_reason=reason,
        stage_rule=stage_rule,
        stages_done=tuple(walk.done),
        next_actions=tuple(actions),
        locked=tuple(locks),
        dates=Dates(
            breakup=journey.breakup.date if journey.breakup else None,
            no_contact_target=no_contact.target_date if no_contact else None,
            earliest_outreach=no_contact.target_date if no_contact else None,
            next_checkin=_next_checkin(journey, today, walk),
            retake_check=_retake_date(journey),
        ),
        outreach_allowed=outreach_allowed,
        reply_allowed=_reply_allowed(journey, safety, consent, outreach_allowed),
        safety=safety,
        consent=consent,
        reasons=_reasons(reason, locks, no_contact),
        causes=_causes(journey),
        interest=interest,
        counselling=counselling_advice(journey),
        no_contact=no_contact,
        ladder=ladder,
        goals=goal_progress(journey.self_work.goals),
        trial=walk.trial,
        move_on=writing_progress(journey, today) if stage == "move_on" else None,
    )


# --- Safety and Move On, which outrank the stages ---------------------------


def _safety_reason(safety: SafetyStatus) -> str:
    flags = ", ".join(flag_words(flag) for flag in safety.flags)
    return f"Signs of harm were recorded ({flags}) on {human_date(safety.flagged_on)}; safety comes before anything else."


def _harm_words(safety: SafetyStatus) -> str:
    return ", ".join(flag_words(flag) for flag in safety.confirmed)


def _after_harm_actions(safety: SafetyStatus) -> list[Action]:
    """Once the person is safe: support and their own life, never a way back to the person who hurt them."""
    return [
        Action("safety_page", "Keep your safety plan and helplines close", "They are on the Safety page whenever you need them.", "harm_closes_path"),
        Action("talk_to_support", "Talk it through with a helpline or someone you trust", "What happened was not your fault, and you don't have to carry it alone.", "harm_closes_path"),
        Action("lean_on_people", "Spend time with friends and on what you enjoy", "Moving on well is a success, not a failure.", "move_on_always_open"),
    ]


def _safety_actions(safety: SafetyStatus) -> list[Action]:
    actions = []
    if safety.crisis:
        actions.append(Action("crisis_lines", "Talk to someone now", "You mentioned thoughts of hurting yourself.", "crisis_support"))
    actions += [
        Action("safety_page", "Look at your support options", "A red flag was recorded; your safety comes first.", "safety_first"),
        Action("safety_plan", "Make a safety plan with an advocate", "Trained helpline staff can help you judge the risk.", "safety_first"),
    ]
    return actions


def _move_on_reason(journey: Journey, consent: ConsentStatus, safety: SafetyStatus) -> tuple[str, str]:
    """Why the journey is in Move On, with the rule that puts it there; ("", "") when it isn't."""
    if safety.confirmed:
        return (f"You told us about {_harm_words(safety)}. We won't guide you back toward someone who did that, "
                "now or later; from here the app helps you look after yourself and move on.", "harm_closes_path")
    if consent.closed:
        words = ", ".join(CLOSED_DOOR_WORDS[kind] for kind in consent.closed_by)
        return f"On {human_date(consent.closed_on)} {words}. Their choice ends the pursuit.", "consent_ends_pursuit"
    if journey.events_of("chose_move_on"):
        return "You chose to move on.", "move_on_always_open"
    if journey.breakup is not None and dealbreakers_in(journey.breakup.causes):
        labels = ", ".join(cause_label(c) for c in dealbreakers_in(journey.breakup.causes))
        return f"A dealbreaker was part of the breakup ({labels}).", "dealbreaker_move_on"
    conversation = _latest_conversation(journey)
    if conversation is not None and conversation.outcome == "no":
        return f"In your honest conversation on {human_date(conversation.date)} they said no.", "conversation_outcome"
    result = _readiness_result(journey)
    if result is not None and result.outcome is stage0.Outcome.MOVE_ON:
        return f"Your check on {human_date(journey.readiness.taken_on)} pointed to moving on.", "readiness_check"
    return "", ""


# The first days after a closed door are for the loss itself, not for tasks.
GENTLE_DAYS_AFTER_CLOSED_DOOR = 7
LOSS_WORDS = {
    "new_partner": "Hearing they're with someone new hurts. Let it land before anything else: there's nothing you need to do today.",
    "said_no": "Hearing no from them is hard. Let yourself feel it: there's nothing you need to do today.",
    "blocked": "Being blocked stings. Let yourself feel it: there's nothing you need to do today.",
}


def _move_on_actions(journey: Journey, today: dt.date, consent: ConsentStatus) -> list[Action]:
    actions = []
    if consent.closed and (today - consent.closed_on).days < GENTLE_DAYS_AFTER_CLOSED_DOOR:
        latest = consent.closed_by[-1]
        actions.append(Action("go_gently", "Go gently with yourself today", LOSS_WORDS.get(latest, LOSS_WORDS["said_no"]), "consent_ends_pursuit"))
    if consent.reply_only:
        actions.append(
            Action("calm_reply", "If you answer them, keep it calm and brief", "They reached out after saying no; a reply is fine, a new pursuit is not.", "calm_reply_only")
        )
    progress = writing_progress(journey, today)
    if progress.write_today:
        actions.append(Action("expressive_writing", "Write about the good that came out of it", progress.advice, "expressive_writing"))
    actions.append(Action("lean_on_people", "Spend time with friends and on what you enjoy", "Moving on well is a success, not a failure.", "move_on_always_open"))
    return actions


# --- The stages in order ----------------------------------------------------


def _readiness_result(journey: Journey) -> stage0.ReadinessResult | None:
    if journey.readiness is None or stage0.missing_questions(journey.readiness.answers):
        return None
    return stage0.assess_readiness(journey.readiness.answers)


def _walk_stages(journey, today, no_contact, interest, ladder) -> _Walk:
    walk = _Walk()
    for gate in (_gate_readiness, _gate_understand, _gate_no_contact, _gate_self_work, _gate_interest, _gate_reach_out,
                 _gate_reconnect, _gate_conversation, _gate_trial, _gate_counselling):
        if gate(journey, today, walk, no_contact=no_contact, interest=interest, ladder=ladder):
            return walk
    return walk.stop(
        "together",
        "Every stage before this is done.",
        Action("keep_checking_in", "Keep checking in with each other and with friends", "Going public is yours to time, together.", "together_again"),
    )


def _retake_date(journey) -> dt.date | None:
    result = _readiness_result(journey)
    if result is None or result.outcome is not stage0.Outcome.NOT_YET:
        return None
    return shifted(journey.readiness.taken_on, RETAKE_CHECK_AFTER_DAYS)


def _gate_readiness(journey, today, walk, **_):
    result = _readiness_result(journey)
    take = Action("take_check", "Take the first check", "Safety and readiness come before any other step.", "readiness_check")
    if result is None:
        return walk.stop("readiness", "The first check hasn't been completed yet.", take)
    taken = journey.readiness.taken_on
    if result.outcome is stage0.Outcome.SAFETY_FIRST:
        retake = Action("retake_check", "Take the check again", "Your safety concern is marked resolved; check again before going on.", "readiness_check")
        return walk.stop("readiness", "The last check found a safety concern, since marked resolved.", retake)
    if result.outcome is stage0.Outcome.NOT_YET:
        again = shifted(taken, RETAKE_CHECK_AFTER_DAYS)
        # Each reason is a sentence of its own.
        drivers = " ".join(d.why for d in result.drivers)
        return walk.stop(
            "readiness",
            f"Your check on {human_date(taken)} said not yet. {drivers}".strip(),
            Action("self_care", "Focus on yourself for now", "Healing first makes every later step steadier.", "self_work"),
            Action("retake_check", f"Take the check again from {human_date(again)}", "Readiness can change in a few weeks.", "readiness_check"),
        )
    walk.done.append(StageDone("readiness", f"Your check on {human_date(taken)} said proceed."))
    return False


def _gate_understand(journey, today, walk, **_):
    breakup = journey.breakup
    why = "Knowing what went wrong is the ground for every later step."
    if breakup is None:
        return walk.stop("understand", "The breakup isn't recorded yet.", Action("record_breakup", "Write down when and how it ended", why, "understand_breakup"))
    missing = []
    if breakup.ended_by is None:
        missing.append(Action("record_who_ended_it", "Record who ended it and how", why, "understand_breakup"))
    if not breakup.causes:
        missing.append(Action("record_causes", "Name the causes of the breakup", "Each cause is weighed for how fixable it is.", "cause_fixability"))
    if not breakup.mistakes:
        missing.append(Action("record_mistakes", "Name your own mistakes", "Owning your part is what makes change believable.", "understand_breakup"))
    elif any(not m.remedy.strip() for m in breakup.mistakes):
        missing.append(Action("add_remedies", "Add a concrete remedy to each mistake", "A mistake without a plan tends to repeat.", "understand_breakup"))
    if missing:
        return walk.stop("understand", "Understanding the breakup isn't finished.", *missing)
    causes, mistakes = _count(len(breakup.causes), "cause"), _count(len(breakup.mistakes), "mistake")
    walk.done.append(StageDone("understand", f"{causes} and {mistakes} with remedies recorded."))
    return False


def _gate_no_contact(journey, today, walk, no_contact, **_):
    if today < no_contact.target_date:
        mode = "limited contact (logistics only, short and neutral)" if no_contact.mode == "limited_contact" else "no contact"
        actions = [
            Action(
                "keep_space",
                f"Keep {mode}: {no_contact.days_left} days to go",
                f"Your target is {no_contact.target_days} days, until {human_date(no_contact.target_date)}.",
                "limited_contact_mode" if no_contact.mode == "limited_contact" else "no_contact_minimum",
            )
        ]
        actions += _self_work_actions(journey)
        reason = f"Day {no_contact.days_done} of {no_contact.target_days} apart."
        return walk.stop("no_contact", reason, *actions)
    walk.done.append(StageDone("no_contact", f"{no_contact.target_days} days apart reached on {human_date(no_contact.target_date)}."))
    return False


def _self_work_actions(journey: Journey) -> list[Action]:
    goals = journey.self_work.goals
    if not goals:
        return [Action("set_goal", "Set a goal for yourself: friends, health, a hobby", "Steady ground of your own, whatever happens.", "self_work")]
    if not any(g.checkins for g in goals):
        return [Action("goal_checkin", "Check in on your goals", "Seeing progress keeps you going.", "self_work")]
    return []


def _gate_self_work(journey, today, walk, **_):
    actions = _self_work_actions(journey)
    if actions:
        return walk.stop("self_work", "Work on yourself needs at least one goal with a check-in.", *actions)
    walk.done.append(StageDone("self_work", f"{_count(len(journey.self_work.goals), 'goal')} with check-ins."))
    return False


def _gate_interest(journey, today, walk, interest, **_):
    observe = Action("log_signal", "Note what you notice of their interest", "Observe, don't investigate.", "observe_interest")
    if interest.reading == "none_yet":
        return walk.stop("interest", "No signs of their interest noted yet.", observe)
    if interest.reading == "too_early":
        return walk.stop("interest", interest.words, observe)
    if interest.reading == "leaning_cold":
        return walk.stop("interest", interest.words, Action("give_room", "Give them room for now", interest.words, "observe_interest"), observe)
    walk.done.append(StageDone("interest", interest.words))
    return False


def _gate_reach_out(journey, today, walk, ladder, **_):
    if ladder.reached_in_person:
        walk.done.append(StageDone("reach_out", "Warm responses all the way up the contact ladder."))
        return False
    consent = consent_status(journey)
    if consent.unanswered_in_a_row >= REPEATED_UNANSWERED_LIMIT:
        return walk.stop(
            "reach_out",
            f"{consent.unanswered_in_a_row} messages in a row without a reply.",
            Action("wait_for_reply", "Wait: don't send another message", "Silence is an answer for now.", "repeated_unanswered"),
        )
    title = f"Next step on the ladder: {RUNG_LABELS[ladder.current].lower()}"
    actions = [Action("reach_out", title, RUNG_ADVICE[ladder.current], "contact_ladder")]
    if ladder.out_of_order:
        skipped = ladder.out_of_order[-1]
        actions.insert(0, Action(
            "back_to_rung", f"Go back to {RUNG_LABELS[ladder.current].lower()}",
            f"On {human_date(skipped.date)} you went straight to {RUNG_LABELS[skipped.channel].lower()}. Jumping ahead "
            "can feel like pressure to them; the ladder still waits for a warm response where you are.", "contact_ladder"))
    return walk.stop("reach_out", f"The contact ladder is at: {RUNG_LABELS[ladder.current].lower()}.", *actions)


def friendly_meetings(journey: Journey, since: dt.date | None = None) -> int:
    return sum(1 for h in journey.hangouts if h.felt in FRIENDLY_FEELINGS and (since is None or h.date > since))


def _latest_conversation(journey: Journey):
    return max(journey.conversations, key=lambda c: c.date, default=None)


def _gate_reconnect(journey, today, walk, **_):
    count = friendly_meetings(journey)
    plan_one = Action("plan_hangout", "Plan a relaxed, public meet-up as friends", "Coffee, a walk, mini-golf: fun, not a date.", "friends_first")
    if count < FRIENDLY_MEETINGS_NEEDED:
        return walk.stop("reconnect", f"{count} of {FRIENDLY_MEETINGS_NEEDED} friendly meetings so far.", plan_one)
    latest = _latest_conversation(journey)
    if latest is not None and latest.outcome == "not_ready":
        again = shifted(latest.date, WAIT_AFTER_NOT_READY_DAYS)
        if today < again or friendly_meetings(journey, since=latest.date) < 1:
            return walk.stop(
                "reconnect",
                f"They weren't ready on {human_date(latest.date)}; stay friends and revisit from {human_date(again)}.",
                plan_one,
            )
    walk.done.append(StageDone("reconnect", f"{count} friendly meetings."))
    return False


def _gate_conversation(journey, today, walk, **_):
    latest = _latest_conversation(journey)
    if latest is None or latest.outcome == "not_ready":
        return walk.stop(
            "conversation",
            "You're relaxed together again: time for the honest conversation.",
            Action("prepare_conversation", "Prepare the honest conversation and your apology", "Regret, responsibility, remedy; let them speak first.", "honest_conversation"),
        )
    walk.done.append(StageDone("conversation", f"They said yes on {human_date(latest.date)}."))
    return False


def _gate_trial(journey, today, walk, **_):
    started = _latest_conversation(journey).date
    health = trial_health(journey, started, today)
    walk.trial = health
    actions = []
    if journey.readiness is None or journey.readiness.taken_on < started:
        actions.append(Action("rescreen", "Answer the safety questions again", "Getting back together raises the risk of harm; check again now.", "trial_rescreen"))
    if not journey.trial.agreements:
        actions.append(Action("write_agreements", "Write down the changes you agreed on", "Clear agreements make check-ins honest.", "trial_checkins"))
    if not journey.trial.disagreement_plan.strip():
        actions.append(Action("disagreement_plan", "Agree how you'll handle disagreements", "A phrase to ask for attention before resentment builds.", "trial_checkins"))
    if health.warnings:
        actions.append(Action("talk_about_warnings", "Talk calmly about what the check-ins show", " ".join(health.warnings), "trial_warnings"))
    if not health.long_enough or actions:
        actions.append(Action("trial_checkin", f"Check in together by {human_date(health.next_checkin)}", "Regular check-ins show how the changes hold.", "trial_checkins"))
        advice = counselling_advice(journey)
        if advice.recommended and not journey.events_of("counselling_started"):
            actions.append(Action("find_counsellor", "Look for a couples counsellor", " ".join(advice.reasons), "counselling"))
        return walk.stop("trial", f"Trial period: {health.checkins} check-ins over {health.days} days.", *actions)
    walk.done.append(StageDone("trial", f"{health.checkins} check-ins over {health.days} days, no warnings."))
    return False


def _gate_counselling(journey, today, walk, **_):
    advice = counselling_advice(journey)
    if not advice.recommended:
        walk.done.append(StageDone("counselling", "Not specially recommended for you."))
        return False
    if journey.events_of("counselling_started"):
        walk.done.append(StageDone("counselling", "You started counselling."))
        return False
    return walk.stop(
        "counselling",
        "Counselling is recommended: " + " ".join(advice.reasons),
        Action("find_counsellor", "Look for a couples counsellor", " ".join(advice.reasons), "counselling"),
    )


# --- Locks, dates and reasons -----------------------------------------------


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _stage_reached(walk: _Walk, stage: str) -> bool:
    return any(d.stage == stage for d in walk.done) or walk.stage == stage


def _locks(journey, today, safety, consent, no_contact, interest, ladder, walk) -> list[Lock]:
    if safety.active or safety.confirmed:
        why = (("Safety comes first while a red flag is unresolved.", "safety_first") if safety.active
               else ("You told us they hurt you; the app won't help you toward them.", "harm_closes_path"))
        return [Lock(action, *why) for action in ("outreach", "contact_ladder", "reconnect", "honest_conversation", "trial")]
    locks = []
    outreach_reason = _outreach_lock(journey, today, consent, no_contact, interest, walk)
    if outreach_reason:
        locks.append(Lock("outreach", *outreach_reason))
        locks.append(Lock("contact_ladder", "The ladder opens with outreach.", "contact_ladder", outreach_reason[2]))
    elif not ladder.reached_in_person:
        locks.append(Lock("contact_ladder_skip", f"Only the next rung is open: {RUNG_LABELS[ladder.current].lower()}.", "contact_ladder"))
    meetings = friendly_meetings(journey)
    if meetings < FRIENDLY_MEETINGS_NEEDED:
        locks.append(Lock("honest_conversation", f"Needs {FRIENDLY_MEETINGS_NEEDED} friendly meetings first ({meetings} so far).", "friends_first"))
    latest = _latest_conversation(journey)
    if latest is None or latest.outcome != "yes":
        locks.append(Lock("trial", "The trial starts only after they say yes in the honest conversation.", "conversation_outcome"))
    return locks


def _outreach_lock(journey, today, consent, no_contact, interest, walk):
    """Why outreach is locked, as (reason, rule, until), or None when it is open."""
    if consent.closed:
        return (f"They closed the door on {human_date(consent.closed_on)}; their answer is respected.", "consent_ends_pursuit", None)
    if no_contact is None:
        return ("Record the breakup first.", "understand_breakup", None)
    if not _stage_reached(walk, "no_contact"):
        # Something before the time apart blocks it too: no countdown that would not come true.
        return (f"First finish: {STAGE_BY_ID[walk.stage].title}.", "outreach_gate", None)
    if today < no_contact.target_date:
        return (f"No contact until {human_date(no_contact.target_date)} ({no_contact.days_left} days).", "no_contact_minimum", no_contact.target_date)
    if not _stage_reached(walk, "reach_out"):
        return (f"First finish: {STAGE_BY_ID[walk.stage].title}.", "outreach_gate", None)
    if consent.unanswered_in_a_row >= REPEATED_UNANSWERED_LIMIT:
        return (f"{consent.unanswered_in_a_row} messages in a row without a reply.", "repeated_unanswered", None)
    return None


def _reply_allowed(journey, safety, consent, outreach_allowed) -> bool:
    if safety.active or safety.confirmed:
        return False
    if consent.closed:
        return consent.reply_only
    return outreach_allowed or bool(journey.events_of("they_reached_out"))


def _next_checkin(journey, today, walk) -> dt.date | None:
    if walk.trial is not None:
        return walk.trial.next_checkin
    dates = [c.date for g in journey.self_work.goals for c in g.checkins]
    if dates:
        return max(shifted(max(dates), GOAL_CHECKIN_EVERY_DAYS), today)
    return shifted(today, GOAL_CHECKIN_EVERY_DAYS) if journey.self_work.goals else None


def _reasons(stage_reason, locks, no_contact) -> tuple[str, ...]:
    reasons = [stage_reason]
    if no_contact is not None:
        reasons += no_contact.reasons
    reasons += [f"Locked ({lock.action}): {lock.reason}" for lock in locks]
    return tuple(reasons)


def _causes(journey: Journey) -> tuple[CauseView, ...]:
    if journey.breakup is None:
        return ()
    return tuple(
        CauseView(c, cause_label(c), classify_cause(c), "Sometimes fixable, if your goals can meet." if c == "different_goals" else "")
        for c in journey.breakup.causes
    )
