"""A small CSAR-like Django site with its admin, for checking that csar-check's shipped scenarios port to Django
by variables only (see README.md). Served on loopback by the tests (serve.py); the database is a temporary
SQLite file. Faults are switched at run time through the file named by CSAR_DJANGO_FAULTS (demandes/faults.py)."""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "csar-check-test-site-not-secret")
# CSAR_DJANGO_DEBUG=1 starts it as a misconfigured production site would run (the production checks' test).
DEBUG = os.environ.get("CSAR_DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "demandes",
]

MIDDLEWARE = [
    # First: its latency and 500s cover every answer, and it must run before CsrfViewMiddleware ("csrf": "off").
    "demandes.middleware.FaultsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "csarsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("CSAR_DJANGO_DATABASE", "db.sqlite3"),
    }
}

USE_TZ = True
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
