"""The benchmark's baseline: the smallest Django app there is, run under the same gunicorn configuration as newsblog.

    gunicorn -c deploy/gunicorn.conf.py --pythonpath scripts hello_app:application

One view, no middleware, no database, no templates. Whatever newsblog does beyond this is what its pages cost, so
scripts/bench.py reports every page as a fraction of this app's requests per second measured in the same run.
"""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_TZ=True,
)


def hello(request):
    return HttpResponse("Hello, world!", content_type="text/plain")


urlpatterns = [path("", hello)]

application = get_wsgi_application()
