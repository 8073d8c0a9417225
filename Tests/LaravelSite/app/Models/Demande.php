<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** A request for assistance sent through the public form; `reference` is CSAR-YYYY-NNNNNN. */
class Demande extends Model
{
    protected $fillable = [
        'nom', 'email', 'telephone', 'region', 'type_demande', 'message',
        'piece_jointe_nom', 'piece_jointe_taille', 'piece_jointe_chemin',
    ];
}
