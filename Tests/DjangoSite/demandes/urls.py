from django.urls import path

from . import views

app_name = "demandes"

urlpatterns = [
    path("nouvelle/", views.nouvelle, name="nouvelle"),
    path("merci/<str:reference>/", views.merci, name="merci"),
]
