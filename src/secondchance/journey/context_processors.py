from django.conf import settings


def app(request):
    discreet = False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        profile = getattr(user, "profile", None)
        discreet = bool(profile and profile.discreet_mode)
    return {"quick_exit_url": settings.QUICK_EXIT_URL, "discreet": discreet}
