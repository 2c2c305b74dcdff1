import zoneinfo

from django.conf import settings
from django.db import models

from secondchance.program.helplines import DEFAULT_COUNTRY, country_choices

# The zones most people live in come first; then every zone named after a place. Legacy
# aliases ("W-SU", "Factory", "EST5EDT", "US/Eastern") are left out: each has a place name too.
COMMON_TIME_ZONES = (
    "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
    "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul",
    "Europe/Kyiv", "Europe/Moscow", "Africa/Lagos", "Africa/Cairo", "Africa/Nairobi", "Africa/Johannesburg",
    "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Singapore", "Asia/Manila",
    "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Seoul", "Asia/Tokyo", "Australia/Perth", "Australia/Adelaide",
    "Australia/Brisbane", "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu", "America/Anchorage",
    "America/Los_Angeles", "America/Vancouver", "America/Phoenix", "America/Denver", "America/Chicago",
    "America/Mexico_City", "America/New_York", "America/Toronto", "America/Bogota", "America/Lima",
    "America/Halifax", "America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
)
_REGIONS = ("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/",
            "Indian/", "Pacific/")


def _label(name: str) -> str:
    return name.replace("_", " ")


PLACE_TIME_ZONES = sorted(name for name in zoneinfo.available_timezones() if name.startswith(_REGIONS))
TIME_ZONE_CHOICES = [
    ("Common", [(name, _label(name)) for name in COMMON_TIME_ZONES]),
    ("Every zone", [(name, _label(name)) for name in PLACE_TIME_ZONES if name not in COMMON_TIME_ZONES]),
]


class Profile(models.Model):
    """What the app needs to know about a person beyond their sign-in."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    country = models.CharField(max_length=8, choices=country_choices, default=DEFAULT_COUNTRY)
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
        # Read once per request: the user object keeps it for the views and templates after.
        try:
            return user.profile
        except cls.DoesNotExist:
            profile, _ = cls.objects.get_or_create(owner=user)
            user.profile = profile
            return profile
