from django.contrib import admin
from django.urls import include, path

from demandes import views

urlpatterns = [
    path("", views.home),
    path("demandes/", include("demandes.urls")),
    path("carte/", views.carte, name="carte"),
    path("api/entrepots/", views.entrepots, name="entrepots"),
    path("admin/", admin.site.urls),
]
