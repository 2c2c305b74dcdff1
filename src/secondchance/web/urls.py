from django.urls import include, path

from .installable import manifest, service_worker

urlpatterns = [
    path("manifest.webmanifest", manifest, name="manifest"),
    path("sw.js", service_worker, name="service_worker"),
    path("accounts/", include("secondchance.accounts.urls")),
    path("", include("secondchance.journey.urls")),
]

handler400 = "secondchance.web.errors.bad_request"
handler403 = "secondchance.web.errors.permission_denied"
handler404 = "secondchance.web.errors.page_not_found"
handler500 = "secondchance.web.errors.server_error"
