<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Votre demande a été enregistrée</title></head>
<body style="font-family: sans-serif">
    <p>Bonjour {{ $demande->nom }},</p>
    @if ($reference !== null)
        <p>Votre demande <strong>{{ $reference }}</strong> a été enregistrée par le Commissariat à la Sécurité
        Alimentaire et à la Résilience (CSAR).</p>
    @else
        <p>Votre demande a été enregistrée par le Commissariat à la Sécurité Alimentaire et à la Résilience
        (CSAR).</p>
    @endif
    <p>Région : {{ $demande->region }}</p>
    <p>Nos équipes l'étudient et reviendront vers vous.</p>
    <p>— Le CSAR</p>
</body>
</html>
