from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="today"),
    path("check/", views.check_start, name="check_start"),
    path("check/history/", views.check_history, name="check_history"),
    path("check/<int:pk>/", views.check_resume, name="check_resume"),
    path("check/<int:pk>/step/<slug:step_id>/", views.check_step, name="check_step"),
    path("check/<int:pk>/result/", views.check_result, name="check_result"),
    path("safety/", views.safety, name="safety"),
]
