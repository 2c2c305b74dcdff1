"""Stage 3: the areas of work on yourself (PROGRAM.md stage 3)."""

AREAS = {
    "social": "Friends and social life",
    "hobbies": "Hobbies and new projects",
    "health": "Health: sleep, food, exercise",
    "appearance": "A fresh look",
    "self_esteem": "Self-esteem: your strengths, put to use",
    "liked_qualities": "The qualities they first liked in you",
    "habits": "Habits that strained the relationship",
}


from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True)
class GoalProgress:
    area: str
    title: str
    latest: int | None
    checkins: int
    change: int  # latest minus first check-in, 0 with fewer than two


def goal_progress(goals) -> tuple[GoalProgress, ...]:
    """Where each goal stands: the latest check-in and how far it has moved since the first."""
    progress = []
    for goal in goals:
        ordered = sorted(goal.checkins, key=lambda c: c.date)
        latest = ordered[-1].progress if ordered else None
        change = ordered[-1].progress - ordered[0].progress if len(ordered) > 1 else 0
        progress.append(GoalProgress(goal.area, goal.title, latest, len(ordered), change))
    return tuple(progress)
