<?php

namespace App\Support;

/** The choices of the request form, validated with `in:` rules. */
final class DemandeOptions
{
    /** Senegal's fourteen regions. */
    public const REGIONS = [
        'Dakar', 'Diourbel', 'Fatick', 'Kaffrine', 'Kaolack', 'Kédougou', 'Kolda',
        'Louga', 'Matam', 'Saint-Louis', 'Sédhiou', 'Tambacounda', 'Thiès', 'Ziguinchor',
    ];

    public const TYPES = [
        'aide_alimentaire' => 'Aide alimentaire',
        'appui_nutritionnel' => 'Appui nutritionnel',
        'information' => "Demande d'information",
        'partenariat' => 'Partenariat',
        'autre' => 'Autre',
    ];
}
