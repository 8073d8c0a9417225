<?php

// The messages of the rules this site uses, from the community's French translation (laravel-lang).
return [
    'email' => 'Le champ :attribute doit être une adresse e-mail valide.',
    'file' => 'Le champ :attribute doit être un fichier.',
    'in' => 'Le champ :attribute est invalide.',
    'max' => [
        'file' => 'La taille du fichier de :attribute ne peut pas dépasser :max kilo-octets.',
        'string' => 'Le texte de :attribute ne peut contenir plus de :max caractères.',
    ],
    'mimes' => 'Le champ :attribute doit être un fichier de type : :values.',
    'min' => [
        'string' => 'Le texte :attribute doit contenir au moins :min caractères.',
    ],
    'required' => 'Le champ :attribute est obligatoire.',
    'string' => 'Le champ :attribute doit être une chaîne de caractères.',

    'attributes' => [
        'nom' => 'nom',
        'email' => 'adresse e-mail',
        'telephone' => 'téléphone',
        'region' => 'région',
        'type_demande' => 'type de demande',
        'message' => 'message',
        'piece_jointe' => 'pièce jointe',
        'password' => 'mot de passe',
    ],
];
