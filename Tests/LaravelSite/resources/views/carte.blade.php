@extends('layouts.app')

@section('title', 'Carte des entrepôts')

@section('content')
    <h1>Carte des entrepôts du CSAR</h1>
    <div id="map" data-source="{{ route('api.warehouses', [], false) }}" style="height: 480px; background: #e5f4ea;">
        <noscript>Activez JavaScript pour afficher la carte.</noscript>
    </div>
    <ul id="warehouse-list"></ul>
    <script src="/js/carte.js" defer></script>
@endsection
