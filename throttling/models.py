from django.db import models


class Attempt(models.Model):
    """One counted POST to a throttled form (sign-up, password reset), kept only as long as its window.

    Counted in the database rather than the cache so that the limits hold while Redis is away.
    """

    scope = models.CharField(max_length=64, help_text="What was attempted: the throttled URL's name.")
    key = models.CharField(max_length=64, help_text="Who attempted it: the client's IP address.")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["scope", "key", "created_at"], name="throttling_scope_key_time"),
            models.Index(fields=["scope", "created_at"], name="throttling_scope_time"),
        ]

    def __str__(self):
        return f"{self.scope} by {self.key} at {self.created_at:%Y-%m-%d %H:%M:%S}"
