from django.apps import AppConfig


class DemandesConfig(AppConfig):
    name = "demandes"
    verbose_name = "Demandes"
    default_auto_field = "django.db.models.BigAutoField"
