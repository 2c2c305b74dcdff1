from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from secondchance.journey.calendar_views import feed_context
from secondchance.journey.reminder_views import reminder_context
from secondchance.program.helplines import country_from_languages

from .export import export_chunks
from .forms import DeleteAccountForm, ImportForm, ProfileForm, SignUpForm
from .importing import ImportRefused, import_records
from .models import Profile


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("today")
    # The browser's language suggests the country, so helplines fit from the first page.
    suggested = country_from_languages(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    form = SignUpForm(request.POST or None, initial={"country": suggested})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
        login(request, user, backend="secondchance.accounts.backends.UsernameOrEmailBackend")
        messages.success(request, "Welcome. Your account is ready.")
        return redirect("check_start")
    return render(request, "accounts/sign_up.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    form = ProfileForm(request.POST or None, instance=Profile.for_user(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("settings")
    return render(request, "accounts/settings.html", {"form": form, "import_form": ImportForm(), **feed_context(request, form.instance), **reminder_context(request)})


@login_required
@require_http_methods(["GET"])
def export_data(request):
    """All of the person's rows as JSON, to keep or to take elsewhere, streamed as it is written."""
    name = "notes" if Profile.for_user(request.user).discreet_mode else "secondchance"
    response = StreamingHttpResponse(export_chunks(request.user), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-export-{timezone.localdate().isoformat()}.json"'
    return response


@login_required
@require_http_methods(["POST"])
def import_data(request):
    """Bring a download back into an empty account; a file that can't be read changes nothing."""
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            count = import_records(request.user, form.cleaned_data["file"].read())
        except ImportRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            messages.success(request, f"Your download is back: {count} records brought in.")
            return redirect("today")
    profile_form = ProfileForm(instance=Profile.for_user(request.user))
    context = {"form": profile_form, "import_form": form, **feed_context(request, profile_form.instance), **reminder_context(request)}
    return render(request, "accounts/settings.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Delete the account and every row it owns, after the password is given again."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            logout(request)
            forget_sign_in_records(user)
            user.delete()  # every owned row goes with it (on_delete=CASCADE)
        messages.success(request, "Your account and everything in it has been deleted.")
        return redirect("today")
    return render(request, "accounts/delete_account.html", {"form": form})


def forget_sign_in_records(user) -> None:
    """django-axes keeps each sign-in's name, address, browser and time: they go with the account."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    names = {user.get_username(), user.get_username().casefold(), *( [user.email, user.email.casefold()] if user.email else [])}
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=names).delete()


class SignInView(auth_views.LoginView):
    """Sign-in that lasts only until the browser closes, unless the person asks to stay signed in."""

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if form.cleaned_data.get("remember") else 0)
        return response
