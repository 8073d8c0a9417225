from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from . import faults
from .forms import DemandeForm
from .models import Demande
from .warehouses import OUTSIDE_SENEGAL, WAREHOUSES


def csrf_switchable(view):
    """Marks a view whose CSRF check the fault file's "csrf": "off" turns off (FaultsMiddleware.process_view)."""
    view.csrf_switchable = True
    return view


def home(request):
    return render(request, "demandes/accueil.html")


@csrf_switchable
def nouvelle(request):
    """GET: the empty form. POST: valid → 302 to the confirmation; invalid → 200, the form again with its
    errors and the submitted values (Django's usual pattern, not a redirect back)."""
    if request.method == "POST":
        form = DemandeForm(request.POST)
        if form.is_valid():
            demande = Demande.objects.create(**form.cleaned_data)
            return redirect("demandes:merci", reference=demande.reference)
    else:
        form = DemandeForm()
    return render(request, "demandes/nouvelle.html", {"form": form})


def merci(request, reference):
    demande = get_object_or_404(Demande, reference=reference)
    return render(request, "demandes/merci.html", {"demande": demande})


def carte(request):
    return render(request, "demandes/carte.html")


def entrepots(request):
    """{"count": N, "results": [{"id", "nom", "lat", "lon"}, …]}, bent by the fault file's "warehouses"."""
    mode = getattr(request, "csar_faults", faults.HEALTHY).warehouses
    if mode == "broken-json":
        return HttpResponse('{"count": 5, "results": [{"id": 1, "nom": "Magasin central de Dakar", ',
                            content_type="application/json")
    results = [] if mode == "empty" else [dict(warehouse) for warehouse in WAREHOUSES]
    if mode == "outside-senegal":
        for warehouse in results:
            if warehouse["id"] == OUTSIDE_SENEGAL["id"]:
                warehouse.update(OUTSIDE_SENEGAL)
    return JsonResponse({"count": len(results), "results": results}, json_dumps_params={"ensure_ascii": False})
