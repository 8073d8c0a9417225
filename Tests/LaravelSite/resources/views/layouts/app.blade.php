<!DOCTYPE html>
<html lang="{{ str_replace('_', '-', app()->getLocale()) }}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="csrf-token" content="{{ csrf_token() }}">
    <title>@yield('title') | CSAR</title>
    <style>
        body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; }
        header { background: #00853f; color: #fff; padding: 1rem 2rem; }
        header a { color: #fff; margin-right: 1.5rem; text-decoration: none; }
        main { max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
        .alert-danger { background: #fde8e8; border: 1px solid #f05252; padding: .5rem 1rem; }
        .is-invalid { border-color: #f05252; }
        label { display: block; margin-top: 1rem; font-weight: 600; }
        footer { text-align: center; color: #6b7280; padding: 2rem; }
    </style>
</head>
<body>
    <header>
        <nav>
            <a href="{{ route('home') }}">Accueil</a>
            <a href="{{ route('demande.create') }}">Faire une demande</a>
            <a href="{{ route('carte') }}">Carte des entrepôts</a>
            @auth
                <a href="{{ route('admin') }}">Tableau de bord</a>
            @else
                <a href="{{ route('login') }}">Connexion</a>
            @endauth
        </nav>
    </header>
    <main>
        @if ($errors->any())
            <div class="alert alert-danger">
                <ul>
                    @foreach ($errors->all() as $error)
                        <li>{{ $error }}</li>
                    @endforeach
                </ul>
            </div>
        @endif
        @yield('content')
    </main>
    <footer>© Commissariat à la Sécurité Alimentaire et à la Résilience — Sénégal</footer>
</body>
</html>
