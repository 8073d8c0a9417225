from django import forms

from .models import REGIONS

REQUIRED = {"required": "Ce champ est obligatoire."}


class DemandeForm(forms.Form):
    """The public request form. Django writes `required` on the inputs of the required fields."""

    nom_complet = forms.CharField(label="Nom complet", max_length=150, error_messages=REQUIRED)
    courriel = forms.EmailField(
        label="Courriel", error_messages={**REQUIRED, "invalid": "Saisissez une adresse électronique valide."})
    telephone = forms.CharField(label="Téléphone (facultatif)", max_length=30, required=False)
    region = forms.ChoiceField(
        label="Région", choices=[("", "— Région —")] + [(r, r) for r in REGIONS],
        error_messages={**REQUIRED, "invalid_choice": "Choisissez une région du Sénégal (« %(value)s » n'en est pas une)."})
    objet = forms.CharField(
        label="Objet", max_length=120,
        error_messages={**REQUIRED, "max_length": "L'objet ne doit pas dépasser %(limit_value)d caractères."})
    message = forms.CharField(
        label="Message", min_length=20, max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={**REQUIRED, "min_length": "Le message doit compter au moins %(limit_value)d caractères "
                                                  "(il en compte %(show_value)d)."})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", " :")  # French typography: « Courriel : »
        super().__init__(*args, **kwargs)
