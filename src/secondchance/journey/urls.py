from django.urls import path

from . import calendar_views, coach_views, reminder_views, daily_views, program_views, reached_out_views, safety_views, views

urlpatterns = [
    path("", views.home, name="today"),
    path("today/step/", daily_views.mark_step, name="mark_step"),
    path("calendar/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
    path("calendar/change/", calendar_views.change_feed, name="change_feed"),
    path("reminders/email/", reminder_views.change_email_reminder, name="change_email_reminder"),
    path("reminders/stop/<str:token>/", reminder_views.stop_reminders, name="stop_reminders"),
    path("they-reached-out/", reached_out_views.they_reached_out, name="they_reached_out"),
    path("they-reached-out/next/", reached_out_views.reached_out_next, name="reached_out_next"),
    path("check/", views.check_start, name="check_start"),
    path("check/history/", views.check_history, name="check_history"),
    path("check/<int:pk>/", views.check_resume, name="check_resume"),
    path("check/<int:pk>/step/<slug:step_id>/", views.check_step, name="check_step"),
    path("check/<int:pk>/result/", views.check_result, name="check_result"),
    path("program/", program_views.program_map, name="program"),
    path("program/<slug:stage_id>/", program_views.stage_page, name="stage"),
    path("records/<slug:slug>/add/", program_views.add_record, name="add_record"),
    path("records/<slug:slug>/<int:pk>/edit/", program_views.edit_record, name="edit_record"),
    path("records/<slug:slug>/<int:pk>/delete/", program_views.delete_record, name="delete_record"),
    path("records/print/", program_views.readable_records, name="readable_records"),
    path("journal/", program_views.journal, name="journal"),
    path("urge/", program_views.urge, name="urge"),
    path("coach/", coach_views.coach, name="coach"),
    path("coach/check/", coach_views.coach_check, name="coach_check"),
    path("coach/drafts/<int:pk>/delete/", coach_views.delete_draft, name="delete_draft"),
    path("safety/", safety_views.safety, name="safety"),
    path("safety/resolve/", safety_views.resolve_safety, name="resolve_safety"),
    path("safety/plan/", safety_views.save_safety_plan, name="save_safety_plan"),
    path("safety/plan/print/", safety_views.print_safety_plan, name="print_safety_plan"),
]
