from django.db import models

# The 14 regions of Senegal; each choice's value is its name.
REGIONS = [
    "Dakar", "Diourbel", "Fatick", "Kaffrine", "Kaolack", "Kédougou", "Kolda", "Louga", "Matam",
    "Saint-Louis", "Sédhiou", "Tambacounda", "Thiès", "Ziguinchor",
]


class Demande(models.Model):
    """A request sent through the public form. Its reference, CSAR-YYYY-NNNNNN (year of creation, id
    zero-padded to 6 digits), is set once the row has its id."""

    reference = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    nom_complet = models.CharField("nom complet", max_length=150)
    courriel = models.EmailField()
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    region = models.CharField("région", max_length=20, choices=[(r, r) for r in REGIONS])
    objet = models.CharField(max_length=120)
    message = models.TextField()
    cree_le = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        ordering = ["-cree_le"]

    def __str__(self):
        return self.reference or f"Demande {self.pk}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.reference:
            self.reference = f"CSAR-{self.cree_le.year:04d}-{self.pk:06d}"
            super().save(update_fields=["reference"])
