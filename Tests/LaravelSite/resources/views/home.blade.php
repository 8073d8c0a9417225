@extends('layouts.app')

@section('title', 'Accueil')

@section('content')
    <h1>CSAR — Commissariat à la Sécurité Alimentaire et à la Résilience</h1>
    <p>Le CSAR gère les stocks de sécurité alimentaire du Sénégal et accompagne les populations
    vulnérables dans les quatorze régions du pays.</p>
    <ul class="actions">
        <li><a href="{{ route('demande.create') }}">Déposer une demande d'assistance</a></li>
        <li><a href="{{ route('carte') }}">Consulter la carte des entrepôts</a></li>
        <li><a href="{{ route('login') }}">Accès administration</a></li>
    </ul>
@endsection
