import sys
import time

from django.http import HttpResponse, HttpResponseServerError

from . import faults


class FaultsMiddleware:
    """Applies the faults of CSAR_DJANGO_FAULTS (see faults.py), read again for every request. Must come
    before CsrfViewMiddleware: with "csrf": "off" it exempts, request by request, the views that allow it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.csar_faults = faults.current()
        except faults.FaultFileError as error:
            print(f"CSAR_DJANGO_FAULTS: {error}", file=sys.stderr, flush=True)
            return HttpResponseServerError(
                f"Fichier de pannes invalide (CSAR_DJANGO_FAULTS) : {error}\n", content_type="text/plain; charset=utf-8")
        delay = request.csar_faults.latency_seconds(request)
        if delay > 0:
            time.sleep(delay)
        if request.csar_faults.is_server_error(request):
            return HttpResponse(
                "<!DOCTYPE html><html lang=\"fr\"><title>Erreur serveur</title>"
                "<h1>Erreur serveur</h1><p>Panne simulée (CSAR_DJANGO_FAULTS).</p></html>\n",
                status=500, content_type="text/html; charset=utf-8")
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Runs before CsrfViewMiddleware.process_view, which skips the check when this attribute is set.
        if request.csar_faults.csrf == "off" and getattr(view_func, "csrf_switchable", False):
            request._dont_enforce_csrf_checks = True
        return None
