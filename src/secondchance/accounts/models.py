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

    def __str__(self):
        return f"Profile of {self.owner}"

    @classmethod
    def for_user(cls, user):
        profile, _ = cls.objects.get_or_create(owner=user)
        return profile
