"""The site's URLs plus stand-ins named like the forms settings.THROTTLED_FORMS limits, to test the throttle alone."""

from django.contrib.auth import get_user_model
from django.http import HttpResponseRedirect
from django.urls import path
from django.views.decorators.http import require_POST

from newsblog.urls import handler400, handler500  # noqa: F401
from newsblog.urls import urlpatterns as site_urlpatterns


@require_POST
def stand_in_signup(request):
    get_user_model().objects.create_user(username=request.POST["username"], email=request.POST["email"])
    return HttpResponseRedirect("/")


@require_POST
def stand_in_password_reset(request):
    return HttpResponseRedirect("/")


urlpatterns = [
    path("stand-in/signup/", stand_in_signup, name="signup"),
    path("stand-in/password_reset/", stand_in_password_reset, name="password_reset"),
    *site_urlpatterns,
]
