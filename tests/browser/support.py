"""Constants the browser test modules share: the two widths we measure, and which features exist yet.

A flow whose feature another issue is still building is marked xfail on the flags below, with the issue named, so it
runs for real (and must pass) the moment the feature lands.
"""

from django.apps import apps
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

PASSWORD = "a-long-test-password"  # what tests.factories.make_user sets

# The discussion under the story (the `discussion` fixture).
COMMENT = "Has anyone seen the text of the customs chapter? The summary leaves out the transit fees."
REPLY = "It was published this morning; the fees are in annex two."


def _template_missing(name):
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return True
    return False


COMMENTS_MISSING = not list(apps.get_app_config("comments").get_models())
SIGNUP_MISSING = _template_missing("accounts/signup.html")
