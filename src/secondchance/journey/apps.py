from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "secondchance.journey"
    label = "journey"

    def ready(self):
        from .plan_cache import connect

        connect()
