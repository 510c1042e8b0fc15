from django.conf import settings
from django.db import models


class Profile(models.Model):
    """What a reader chooses to show about themselves. Made on first save of the profile page, so it may be missing."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    display_name = models.CharField(
        max_length=50, blank=True, help_text="Shown on the user's comments instead of their username when set."
    )

    def __str__(self):
        return self.display_name or str(self.user)


def display_name(user) -> str:
    """The name printed on a user's comments. Costs no query when `profile` was fetched with select_related."""
    try:
        name = user.profile.display_name
    except Profile.DoesNotExist:
        name = ""
    return name or user.get_username()
