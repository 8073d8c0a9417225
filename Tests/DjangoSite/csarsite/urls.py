from django.contrib import admin
from django.http import HttpResponse, JsonResponse
from django.urls import path


def home(request):
    return HttpResponse("<!DOCTYPE html><title>Accueil</title><h1>Site Django de test</h1>")


def warehouses(request):
    """A JSON list in the shape of the CSAR API, so the smoke scenario's API check has something to read."""
    return JsonResponse({"data": [{"id": 1, "name": "Magasin central de Dakar",
                                   "latitude": 14.6928, "longitude": -17.4467}]})


urlpatterns = [
    path("", home),
    path("api/entrepots/", warehouses),
    path("admin/", admin.site.urls),
]
