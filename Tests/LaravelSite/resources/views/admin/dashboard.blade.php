@extends('layouts.app')

@section('title', 'Tableau de bord')

@section('content')
    <h1>Tableau de bord</h1>
    <p>Connecté en tant que <strong class="user-email">{{ $user->email }}</strong></p>
    <p>Demandes reçues : <strong class="demandes-count">{{ $count }}</strong></p>
    <table class="demandes">
        <thead><tr><th>Référence</th><th>Nom</th><th>Région</th><th>Type</th></tr></thead>
        <tbody>
        @foreach ($demandes as $demande)
            <tr><td>{{ $demande->reference }}</td><td>{{ $demande->nom }}</td><td>{{ $demande->region }}</td><td>{{ $demande->type_demande }}</td></tr>
        @endforeach
        </tbody>
    </table>
    <form method="POST" action="{{ route('logout') }}">
        @csrf
        <button type="submit">Se déconnecter</button>
    </form>
@endsection
