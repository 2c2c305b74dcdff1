from django.conf import settings


def app(request):
    return {"quick_exit_url": settings.QUICK_EXIT_URL}
