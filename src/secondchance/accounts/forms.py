from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm

from secondchance.program.helplines import country_choices

from .models import TIME_ZONE_CHOICES, Profile


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        required=False,
        max_length=254,
        help_text="Optional. You can sign in with it instead of your username.",
    )
    country = forms.ChoiceField(
        choices=country_choices,
        help_text="So we can show helplines that work where you are.",
    )
    time_zone = forms.ChoiceField(
        choices=TIME_ZONE_CHOICES,
        initial="UTC",
        help_text="Used for dates and late-night reminders. Your browser may fill it in.",
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self):
        # No check for an existing account: sign-up must not tell whether an address is known here.
        return self.cleaned_data["email"].strip()

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            Profile.objects.create(
                owner=user, country=self.cleaned_data["country"], time_zone=self.cleaned_data["time_zone"]
            )
        return user


class SignInForm(AuthenticationForm):
    username = forms.CharField(label="Username or e-mail", max_length=254)
    remember = forms.BooleanField(
        required=False,
        label="Keep me signed in on this device",
        help_text="For 14 days. Leave it off on a shared device: closing the browser then signs you out.",
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ("country", "time_zone", "discreet_mode")
        help_texts = {
            "country": "Decides which helplines you see.",
            "time_zone": "Dates and times are shown in this zone.",
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password", widget=forms.PasswordInput, help_text="To make sure it's really you."
    )
    confirm = forms.BooleanField(label="I understand this deletes everything and can't be undone")

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password isn't right.")
        return password


class ImportForm(forms.Form):
    file = forms.FileField(
        label="A download from Second Chance (a .json file)",
        help_text="Only into an account with nothing in it yet. If anything in the file is wrong, nothing changes.",
        error_messages={"required": "Choose the file you downloaded first.", "empty": "That file is empty."},
    )
