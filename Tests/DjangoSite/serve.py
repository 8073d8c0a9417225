#!/usr/bin/env python3
"""Serves the Django test site on 127.0.0.1 at a free port, for csar-check's tests.

Creates a fresh SQLite database in a temporary folder, migrates it, creates the superuser named by
DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD / DJANGO_SUPERUSER_EMAIL (Django's own
`createsuperuser --noinput`), then prints `http://127.0.0.1:PORT` on one line and serves until stopped
(SIGTERM or end of standard input)."""

import os
import shutil
import signal
import sys
import tempfile
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csarsite.settings")


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main():
    # SIGTERM ends the process through `finally`, so the temporary database goes with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    folder = tempfile.mkdtemp(prefix="csar-django-")
    try:
        serve(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve(folder):
    os.environ["CSAR_DJANGO_DATABASE"] = os.path.join(folder, "db.sqlite3")
    import django
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createsuperuser", interactive=False, verbosity=0)
    server = make_server("127.0.0.1", 0, get_wsgi_application(),
                         server_class=ThreadingWSGIServer, handler_class=QuietHandler)
    print(f"http://127.0.0.1:{server.server_port}", flush=True)
    # Whoever started us closes our standard input when done: stop then, so no server outlives its test.
    threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
