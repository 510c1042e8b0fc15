"""WSGI config for newsblog."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsblog.settings")

application = get_wsgi_application()
