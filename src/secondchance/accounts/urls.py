from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import SignInForm

urlpatterns = [
    path("signup/", views.sign_up, name="signup"),
    path(
        "login/",
        views.SignInView.as_view(
            template_name="accounts/login.html", authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url=reverse_lazy("password_changed")
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_changed.html"),
        name="password_changed",
    ),
    path("settings/", views.settings_page, name="settings"),
    path("export/", views.export_data, name="export_data"),
    path("import/", views.import_data, name="import_data"),
    path("delete/", views.delete_account, name="delete_account"),
]
