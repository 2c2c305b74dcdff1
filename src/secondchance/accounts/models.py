import zoneinfo

from django.conf import settings
from django.db import models

from secondchance.program.helplines import COUNTRY_CHOICES, DEFAULT_COUNTRY

TIME_ZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class Profile(models.Model):
    """What the app needs to know about a person beyond their sign-in."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    country = models.CharField(max_length=8, choices=COUNTRY_CHOICES, default=DEFAULT_COUNTRY)
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="UTC")
    discreet_mode = models.BooleanField(
        default=False, help_text="A plain tab title and no app name in exported file names."
    )
    # Relationship facts (PROGRAM.md stage 1 "Seriousness") that shape the plan.
    relationship_months = models.PositiveIntegerField(default=0, help_text="Roughly how long you were together, in months.")
    lived_together = models.BooleanField(default=False)
    married = models.BooleanField(default=False)
    children = models.BooleanField(default=False, help_text="You have children together.")
    shared_home = models.BooleanField(default=False, help_text="You still share a home.")
    work_together = models.BooleanField(default=False)
    previous_breakups = models.PositiveSmallIntegerField(default=0, help_text="Times you broke up and got back together before.")
    limited_contact = models.BooleanField(default=False, help_text="Keep limited contact (logistics only) instead of none.")

    def __str__(self):
        return f"Profile of {self.owner}"

    @classmethod
    def for_user(cls, user):
        profile, _ = cls.objects.get_or_create(owner=user)
        return profile
