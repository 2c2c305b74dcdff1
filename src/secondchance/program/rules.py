"""Every rule of PROGRAM.md by name, with its source tags.

Decisions in the plan cite these ids, so a person (or a test) can trace any
step, lock or warning back to the line of PROGRAM.md it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    source: str


_RULES = (
    Rule("safety_first", "Any red flag puts the journey in Safety; nothing else is offered until it is resolved.", "Principle 2, S2 #21"),
    Rule("harm_closes_path", "Harm the person confirmed closes the way back to the ex for good; only a detection they mark as wrong is undone.", "Principle 2; PROGRAM.md Safety"),
    Rule("crisis_support", "Self-harm or suicide language shows crisis lines at once.", "PROGRAM.md Safety"),
    Rule("consent_ends_pursuit", "A firm no, a block or a new committed partner ends the pursuit: Move On.", "Principle 1; S0, S1, S3 #9, S2 #15"),
    Rule("calm_reply_only", "If they reach out after a no, a calm reply is fine; a new pursuit is not.", "Stage 2; S2 #4"),
    Rule("readiness_check", "Stage 0 decides safety_first, move_on, not_yet or proceed.", "Stage 0; S0, S2 #3, S4 #2, S1, S3"),
    Rule("understand_breakup", "Record causes, who ended it, your mistakes with remedies, before anything else.", "Stage 1; S2 #1-2, S3 #1-2, S4 #1, S1"),
    Rule("cause_fixability", "Each cause is fixable, needs professional help, or a dealbreaker.", "Stage 1; S3 #1, S2 #1-2"),
    Rule("dealbreaker_move_on", "A dealbreaker cause ends the reconnection path.", "Stage 1; S3 #1"),
    Rule("no_contact_minimum", "At least 30 days from the breakup before any outreach.", "Stage 2; S2 #4, S4 #3, S1"),
    Rule("no_contact_maximum", "The personal no-contact target is at most 90 days.", "Stage 2; S3 #3"),
    Rule("no_contact_longer_when", "Longer space after a considered breakup, a complex cause, intense emotions or slips.", "Stage 2; S3 #3, S2 #4"),
    Rule("slips_extend_never_reset", "A slip is recorded and extends the target; the history is never erased.", "Research: peer no-contact apps"),
    Rule("limited_contact_mode", "Children, a shared home or work: logistics only, short and neutral.", "Stage 2; S2 #6, S1"),
    Rule("self_work", "Goals in friends, hobbies, health, appearance, self-esteem and habits, with check-ins.", "Stage 3; S2 #5, #8-11, S4 #5, S0"),
    Rule("observe_interest", "Observe their interest, don't investigate; summarise evidence, no fake probability.", "Stage 4; S2 #7, S3 #4, S4 #4"),
    Rule("outreach_gate", "Reach out only after the no-contact target, with readiness proceed and no firm no.", "Stage 5; S0 #1, S1, S3 #4-5, S4 #4"),
    Rule("repeated_unanswered", "Two messages without a reply: stop, don't send a third.", "Principle 1; Stage 5"),
    Rule("contact_ladder", "Social media, text, call, video, in person: one rung at a time, after a warm response.", "Stage 5; S3 #4"),
    Rule("friends_first", "Several relaxed friendly meetings (at least two) before the honest conversation.", "Stage 6; S1, S2 #12, #14, S3 #7, S4 #6"),
    Rule("honest_conversation", "In person, somewhere quiet; they speak first; apology with regret, responsibility, remedy.", "Stage 7; S0 #2, S1, S2 #13, #15-17, S3 #6, #8-9, S4 #7"),
    Rule("conversation_outcome", "Yes leads to the trial; not ready means wait; no means Move On.", "Stage 7; S3 #9"),
    Rule("trial_rescreen", "Screen for red flags again at the start of the trial.", "Stage 8; Halpern-Meekin et al. 2013"),
    Rule("trial_checkins", "Regular check-ins on disagreements, agreed changes, pace, intimacy and the past.", "Stage 8; S1, S3 #11, S2 #17-19"),
    Rule("trial_warnings", "Old patterns returning, red flags, or friends raising the same concern are warnings.", "Stage 8; S2 #22"),
    Rule("counselling", "Counselling when the relationship was serious, trust was broken, or after repeated break-ups.", "Stage 9; S1, S2 #20, S3 #10, S4 #9"),
    Rule("together_again", "Go public when both are ready; keep checking in.", "Stage 10; S1, S0 #3"),
    Rule("move_on_always_open", "Moving on is open from every stage and counts as a success.", "Principle 5; S3, S2 #23, S4"),
    Rule("expressive_writing", "Positive writing 15-30 minutes a day on 3 consecutive days; offered, never forced.", "Move On; S2 #23, Lewandowski 2009, Sbarra et al. 2013"),
)
RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]
