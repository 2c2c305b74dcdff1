from django.urls import include, path

urlpatterns = [
    path("accounts/", include("secondchance.accounts.urls")),
    path("", include("secondchance.journey.urls")),
]
