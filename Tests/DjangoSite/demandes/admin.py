from django.contrib import admin

from .models import Demande


@admin.register(Demande)
class DemandeAdmin(admin.ModelAdmin):
    list_display = ["reference", "nom_complet", "courriel", "region", "objet", "cree_le"]
    readonly_fields = ["reference", "cree_le"]
