import datetime as dt

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


# --- Forms for the program's records ------------------------------------------------

from secondchance.accounts.models import Profile  # noqa: E402
from secondchance.program.causes import CAUSES  # noqa: E402
from secondchance.program.coach import apology_part_findings  # noqa: E402
from secondchance.program.interest import NEGATIVE_SIGNALS, OWN_WORDS, POSITIVE_SIGNALS  # noqa: E402
from secondchance.program.ladder import RUNG_LABELS, RUNGS, is_above  # noqa: E402
from secondchance.program.trial import CRITERIA, SCORE_MAX, SCORE_MIN  # noqa: E402
from secondchance.program.words import human_date  # noqa: E402

from . import models as m  # noqa: E402

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})
# Records are about things that already happened: nothing before this, nothing after today.
EARLIEST_DATE = dt.date(1900, 1, 1)


EMPTY_CHOICE = "Choose one"


def word_the_empty_choices(form) -> None:
    """Django's "---------" for "nothing chosen yet" becomes words a person reads."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            field.empty_label = EMPTY_CHOICE if field.empty_label is not None else None
        elif isinstance(field, forms.ChoiceField):
            field.choices = [(value, EMPTY_CHOICE if value == "" and label == "---------" else label)
                             for value, label in field.choices]


class BoundedDateForm(forms.ModelForm):
    """A record form whose ``date`` (when it has one) lies between 1900 and the person's today."""

    def __init__(self, *args, today: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Without the person's date, allow one day ahead: no time zone is further ahead of UTC.
        self.latest_date = today or dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)
        if "date" in self.fields:
            self.fields["date"].widget.attrs.update(min=EARLIEST_DATE.isoformat(), max=self.latest_date.isoformat())
        word_the_empty_choices(self)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not EARLIEST_DATE <= day <= self.latest_date:
            raise forms.ValidationError(
                f"Please choose a date between {human_date(EARLIEST_DATE)} and today, {human_date(self.latest_date)}."
            )
        return day


class ScreenedForm(BoundedDateForm):
    """A form whose free text is screened for red flags and crisis language when saved."""

    screened_fields: tuple[str, ...] = ()

    def screened_text(self) -> str:
        return "\n".join(str(self.cleaned_data.get(name) or "") for name in self.screened_fields)


def _dated(model, fields, screened=(), widgets=None, labels=None, help_texts=None):
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": fields,
            "widgets": {"date": DATE_WIDGET, **(widgets or {})},
            "labels": labels or {},
            "help_texts": help_texts or {},
        },
    )
    return type(f"{model.__name__}Form", (ScreenedForm,), {"Meta": meta, "screened_fields": screened})


class BreakupForm(ScreenedForm):
    screened_fields = ("reasons_given", "triggers", "went_right", "went_wrong")
    causes = forms.MultipleChoiceField(
        choices=[(c.id, c.label) for c in CAUSES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Pick every cause that played a part. Each shows how fixable it usually is.",
    )

    class Meta:
        model = m.Breakup
        fields = ("date", "ended_by", "causes", "reasons_given", "triggers", "went_right", "went_wrong", "intense_emotions")
        widgets = {"date": DATE_WIDGET}
        labels = {"ended_by": "Who ended it, and how", "went_right": "What went right", "went_wrong": "What went wrong"}


class RelationshipForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = (
            "relationship_months",
            "lived_together",
            "married",
            "children",
            "shared_home",
            "work_together",
            "previous_breakups",
            "limited_contact",
        )


MistakeForm = _dated(m.Mistake, ("what", "remedy"), screened=("what", "remedy"))
SlipForm = _dated(m.Slip, ("date", "what", "trigger"), screened=("what", "trigger"))
GoalForm = _dated(m.Goal, ("area", "title"))
class ContactForm(_dated(m.Contact, ("date", "channel", "initiated_by", "response", "note"), screened=("note",))):
    """A contact; one you started above the ladder's current rung is questioned before it is saved."""

    confirm_above = forms.BooleanField(required=False, label="Yes, this happened: save it anyway")

    def __init__(self, *args, current_rung: str = RUNGS[0], **kwargs):
        super().__init__(*args, **kwargs)
        self.current_rung = current_rung
        # The box appears only once there is something to confirm.
        if not (self.is_bound and self._starts_above(self.data.get(self.add_prefix("channel")), self.data.get(self.add_prefix("initiated_by")))):
            del self.fields["confirm_above"]

    def _starts_above(self, channel, initiated_by) -> bool:
        return channel in RUNGS and initiated_by == "me" and is_above(channel, self.current_rung)

    def clean(self):
        cleaned = super().clean()
        if self._starts_above(cleaned.get("channel"), cleaned.get("initiated_by")) and not cleaned.get("confirm_above"):
            self.add_error("channel", (
                f"Your ladder is at: {RUNG_LABELS[self.current_rung].lower()}. Going straight to "
                f"{RUNG_LABELS[cleaned['channel']].lower()} can feel like pressure. If it really happened, tick the box "
                "below to save it; the ladder still waits for a warm response where you are."
            ))
        return cleaned
HangoutForm = _dated(m.Hangout, ("date", "kind", "felt", "note"), screened=("kind", "note"))
ConversationForm = _dated(m.Conversation, ("date", "outcome", "note"), screened=("note",))
ConcernForm = _dated(m.Concern, ("date", "who", "topic"), screened=("topic",))
WritingForm = _dated(
    m.WritingSession,
    ("date", "minutes", "felt", "text"),
    screened=("text",),
    labels={"felt": "How did that feel?", "text": "What you wrote (optional, only you can see it)"},
)
JournalForm = _dated(m.JournalEntry, ("text",), screened=("text",), labels={"text": "What's on your mind?"})
SelfNotesForm = _dated(
    m.SelfNotes, ("strengths", "liked_qualities", "habits_to_change", "reasons_to_wait"),
    screened=("strengths", "liked_qualities", "habits_to_change", "reasons_to_wait"),
)
_ConversationPrepBase = _dated(
    m.ConversationPrep,
    ("opening", "their_concerns", "what_didnt_work", "do_differently", "goals", "apology_regret", "apology_responsibility", "apology_remedy"),
    screened=("their_concerns", "what_didnt_work", "do_differently", "apology_regret", "apology_responsibility", "apology_remedy"),
    labels={
        "apology_regret": "Regret",
        "apology_responsibility": "Responsibility",
        "apology_remedy": "Remedy",
        "opening": "Opening line",
        "their_concerns": "Their concerns",
        "what_didnt_work": "What didn't work",
        "do_differently": "Doing it differently",
        "goals": "Goals and plans",
    },
)
class ConversationPrepForm(_ConversationPrepBase):
    """Preparation and the apology builder: each changed part of the apology is read by the
    coach before it is saved, and what would undo it is shown first."""

    # Hidden until the coach has had something to say; then a box to keep the words anyway.
    confirm_apology = forms.BooleanField(required=False, label="Keep my words as they are and save", widget=forms.HiddenInput)
    APOLOGY_FIELDS = ("apology_regret", "apology_responsibility", "apology_remedy")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apology_findings = {}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("confirm_apology"):
            return cleaned
        if not set(self.APOLOGY_FIELDS) & set(self.changed_data):
            return cleaned
        found = apology_part_findings({name: cleaned.get(name) or "" for name in self.APOLOGY_FIELDS})
        for name in self.APOLOGY_FIELDS:
            # A part saved before keeps the person's word; only what changed is questioned.
            if name in found and name in self.changed_data:
                self.apology_findings[name] = found[name]
                self.add_error(name, " ".join(f"{f.message} {f.suggestion}" for f in found[name]))
        if self.apology_findings:
            self.fields["confirm_apology"].widget = forms.CheckboxInput()
        return cleaned


TrialPlanForm = _dated(m.TrialPlan, ("agreements", "disagreement_plan"), screened=("agreements", "disagreement_plan"))


class GoalCheckInForm(ScreenedForm):
    class Meta:
        model = m.GoalCheckIn
        fields = ("goal", "date", "progress")
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only your own goals can be checked in on.
        self.fields["goal"].queryset = m.Goal.objects.owned_by(owner) if owner else m.Goal.objects.none()

    def clean_progress(self):
        progress = self.cleaned_data["progress"]
        if progress > 100:
            raise forms.ValidationError("Progress is a number from 0 to 100.")
        return progress


class SignalForm(ScreenedForm):
    screened_fields = ("note",)
    kind = forms.ChoiceField(
        choices=[
            ("Warm signs", list(POSITIVE_SIGNALS.items())),
            ("Cool signs", [(k, v) for k, v in NEGATIVE_SIGNALS.items() if k not in ("firm_no", "blocked", "new_partner")]),
            ("Something else", [(OWN_WORDS, "Something else (describe it below)")]),
        ],
        label="What did you notice?",
    )

    class Meta:
        model = m.Signal
        fields = ("date", "kind", "direction", "note")
        widgets = {"date": DATE_WIDGET}
        labels = {"direction": "For something else: is it a warm or a cool sign?"}

    def clean(self):
        data = super().clean()
        if data.get("kind") == OWN_WORDS:
            if not data.get("note", "").strip():
                self.add_error("note", "Describe what you noticed.")
            if not data.get("direction"):
                self.add_error("direction", "Choose whether it's a warm or a cool sign.")
        return data


class UrgeForm(ScreenedForm):
    screened_fields = ("trigger", "helped")
    outcome = forms.ChoiceField(choices=m.Urge.OUTCOMES, widget=forms.RadioSelect, error_messages=CHOICE_ERRORS, label="What happened?")

    class Meta:
        model = m.Urge
        fields = ("intensity", "trigger", "outcome", "helped")
        labels = {"intensity": "How strong is the urge, from 1 to 10?", "outcome": "What happened?",
                  "trigger": "What set it off? (optional)"}

    def clean_intensity(self):
        value = self.cleaned_data["intensity"]
        if not 1 <= value <= 10:
            raise forms.ValidationError("Intensity is a number from 1 to 10.")
        return value


class TrialCheckInForm(ScreenedForm):
    screened_fields = ("note",)

    class Meta:
        model = m.TrialCheckIn
        fields = ("date", "red_flag", "note")
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in CRITERIA.items():
            self.fields[key] = forms.TypedChoiceField(
                label=label,
                choices=[(n, str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages=CHOICE_ERRORS,
                help_text=f"{SCORE_MIN} = not at all, {SCORE_MAX} = very much.",
            )

    def save(self, commit=True):
        self.instance.scores = {key: self.cleaned_data[key] for key in CRITERIA}
        return super().save(commit=commit)


class EventForm(BoundedDateForm):
    """The events a person records themselves; red flags and their resolution come from the safety page."""

    USER_KINDS = ("said_no", "blocked", "new_partner", "they_reached_out", "chose_move_on", "counselling_started", "went_public")

    class Meta:
        model = m.Event
        fields = ("date", "kind", "note")
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, v) for k, v in m.Event.KINDS if k in self.USER_KINDS]


class MoodForm(forms.ModelForm):
    mood = forms.TypedChoiceField(choices=m.MoodCheckIn.MOODS, coerce=int, widget=forms.RadioSelect, error_messages=CHOICE_ERRORS)

    class Meta:
        model = m.MoodCheckIn
        fields = ("mood",)


class DraftForm(ScreenedForm):
    screened_fields = ("text",)

    class Meta:
        model = m.Draft
        fields = ("kind", "text")
        labels = {"kind": "What kind of message is it?", "text": "Your draft"}
        help_texts = {"text": "Only you can see it. The app never sends anything: you copy it when you're ready."}
        widgets = {"text": forms.Textarea(attrs={"rows": 7})}


class SafetyPlanForm(forms.ModelForm):
    """The person's own safety plan: every part optional, in their words."""

    class Meta:
        model = m.SafetyPlan
        fields = m.SAFETY_PLAN_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in m.SAFETY_PLAN_FIELDS if name != "code_word"}
        labels = {
            "warning_signs": "Signs that things are getting worse",
            "safe_places": "Places you could go",
            "safe_people": "People you could go to or call",
            "what_to_take": "What you would take with you",
            "numbers": "Numbers to call",
            "code_word": "A code word",
        }
        help_texts = {
            "warning_signs": "What you notice before it gets bad: their mood, drinking, a certain look or phrase.",
            "safe_places": "A friend's home, a relative's, a shop or station that is open late.",
            "safe_people": "Who knows what is happening, and who would help without asking questions first.",
            "what_to_take": "Keys, phone and charger, money or cards, ID, medicines, documents, children's things.",
            "numbers": "A helpline, a friend, a neighbour. Your local emergency number first.",
            "code_word": "A word you can text or say to someone you trust, so they know to call for help.",
        }
