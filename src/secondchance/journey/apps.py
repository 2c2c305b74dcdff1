from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "secondchance.journey"
    label = "journey"
