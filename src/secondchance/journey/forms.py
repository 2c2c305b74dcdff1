from django import forms

from secondchance.program.readiness import NOTE_MAX_LENGTH, Step

CHOICE_ERRORS = {
    "required": "Please choose an answer.",
    "invalid_choice": "That answer isn't one of the options. Please choose again.",
}


def step_form(step: Step, data=None, initial=None, require_answers=True) -> forms.Form:
    """A form for one screen of the check, built from the questions the core defines."""
    fields = {}
    for question in step.questions:
        if question.free_text:
            fields[question.id] = forms.CharField(
                label=question.prompt,
                help_text=question.hint,
                required=False,
                max_length=NOTE_MAX_LENGTH,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                error_messages={"max_length": f"Please keep this to {NOTE_MAX_LENGTH} characters or fewer (you have %(show_value)d)."},
            )
        else:
            fields[question.id] = forms.ChoiceField(
                label=question.prompt,
                help_text=question.hint,
                choices=[(c.value, c.label) for c in question.choices],
                widget=forms.RadioSelect,
                required=require_answers,
                error_messages=CHOICE_ERRORS,
            )
    form_class = type(f"{step.id.title().replace('-', '')}Form", (forms.Form,), fields)
    return form_class(data=data, initial=initial)
