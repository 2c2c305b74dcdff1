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
