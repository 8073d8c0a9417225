@extends('layouts.app')

@section('title', 'Faire une demande')

@section('content')
    <h1>Demande d'assistance</h1>
    <form method="POST" action="{{ route('demande.store') }}" @if ($withAttachment) enctype="multipart/form-data" @endif>
        @csrf
        <label for="nom">Nom complet</label>
        <input id="nom" type="text" name="nom" value="{{ old('nom') }}" @error('nom') class="is-invalid" @enderror required>
        <label for="email">Adresse e-mail</label>
        <input id="email" type="email" name="email" value="{{ old('email') }}" @error('email') class="is-invalid" @enderror required>
        <label for="telephone">Téléphone</label>
        <input id="telephone" type="tel" name="telephone" value="{{ old('telephone') }}" @error('telephone') class="is-invalid" @enderror>
        <label for="region">Région</label>
        <select id="region" name="region" @error('region') class="is-invalid" @enderror required>
            <option value="">— Choisir une région —</option>
            @foreach ($regions as $region)
                <option value="{{ $region }}" @if (old('region') === $region) selected @endif>{{ $region }}</option>
            @endforeach
        </select>
        <label for="type_demande">Type de demande</label>
        <select id="type_demande" name="type_demande" @error('type_demande') class="is-invalid" @enderror>
            @foreach ($types as $value => $label)
                <option value="{{ $value }}" @if (old('type_demande') === $value) selected @endif>{{ $label }}</option>
            @endforeach
        </select>
        <label for="message">Message</label>
        <textarea id="message" name="message" rows="6" @error('message') class="is-invalid" @enderror required>{{ old('message') }}</textarea>
        @if ($withAttachment)
            <label for="piece_jointe">Pièce jointe (PDF, JPG, PNG, TXT ; 2048 Ko)</label>
            <input id="piece_jointe" type="file" name="piece_jointe" accept=".pdf,.jpg,.jpeg,.png,.txt">
        @endif
        <button type="submit">Envoyer la demande</button>
    </form>
@endsection
