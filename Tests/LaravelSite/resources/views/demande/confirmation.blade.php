@extends('layouts.app')

@section('title', 'Demande enregistrée')

@section('content')
    <h1>Votre demande a été enregistrée</h1>
    <p>Référence de votre demande :
    <strong class="reference">{{ $demande->reference }}</strong></p>
    <p>Conservez cette référence : elle vous sera demandée pour tout suivi auprès du CSAR.</p>
    @if ($demande->piece_jointe_nom)
        <p class="piece-jointe">Pièce jointe : <span class="filename">{{ $demande->piece_jointe_nom }}</span>
        (<span class="filesize">{{ $demande->piece_jointe_taille }}</span> octets)</p>
    @endif
    <p><a href="{{ route('home') }}">Retour à l'accueil</a></p>
@endsection
