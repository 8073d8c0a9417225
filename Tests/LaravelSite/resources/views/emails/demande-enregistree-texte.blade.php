Bonjour {{ $demande->nom }},

@if ($reference !== null)
Votre demande {{ $reference }} a été enregistrée par le Commissariat à la Sécurité Alimentaire et à la Résilience (CSAR).
@else
Votre demande a été enregistrée par le Commissariat à la Sécurité Alimentaire et à la Résilience (CSAR).
@endif

Région : {{ $demande->region }}

Nos équipes l'étudient et reviendront vers vous.

— Le CSAR
