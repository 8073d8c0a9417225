@extends('layouts.app')

@section('title', 'Connexion')

@section('content')
    <h1>Connexion à l'espace administration</h1>
    <form method="POST" action="{{ route('login') }}">
        @csrf
        <label for="email">Adresse e-mail</label>
        <input id="email" type="email" name="email" value="{{ old('email') }}"
               class="@error('email') is-invalid @enderror" required autofocus autocomplete="username">
        <label for="password">Mot de passe</label>
        <input id="password" type="password" name="password" required autocomplete="current-password">
        <label><input type="checkbox" name="remember" value="1"> Se souvenir de moi</label>
        <button type="submit">Se connecter</button>
    </form>
@endsection
