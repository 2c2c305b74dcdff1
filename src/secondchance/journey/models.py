from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404

from secondchance.program import readiness


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)


class OwnedModel(models.Model):
    """A row that belongs to one person. Reach it through ``owned_by`` or ``get_owned_or_404``."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_index=True, related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def get_owned_or_404(model, user, **lookup):
    # Someone else's record answers 404, exactly like one that doesn't exist.
    return get_object_or_404(model.objects.owned_by(user), **lookup)


class Assessment(OwnedModel):
    """One take of the stage 0 check: answers saved as the person goes, then its outcome."""

    OUTCOME_CHOICES = [(o.value, o.value) for o in readiness.Outcome]

    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict)
    outcome = models.CharField(max_length=16, choices=OUTCOME_CHOICES, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-started_at"])]

    def __str__(self):
        return f"Check {self.pk} ({self.outcome or 'in progress'})"

    @property
    def is_complete(self):
        return self.completed_at is not None

    def result(self) -> readiness.ReadinessResult:
        return readiness.assess_readiness(self.answers)
