<?php

namespace App\Http\Controllers;

use App\Models\Demande;
use App\Support\DemandeOptions;
use App\Support\Faults;
use Illuminate\Http\Request;
use Illuminate\Validation\Rule;

/** The public request form: validation, storage in MariaDB, confirmation with the reference. */
class DemandeController extends Controller
{
    public function create()
    {
        return view('demande.create', [
            'regions' => DemandeOptions::REGIONS, 'types' => DemandeOptions::TYPES,
            'withAttachment' => Faults::current(storage_path())->formHasAttachment(),
        ]);
    }

    public function store(Request $request)
    {
        $validated = $request->validate([
            'nom' => ['required', 'string', 'max:255'],
            'email' => ['required', 'email', 'max:255'],
            'telephone' => ['nullable', 'string', 'max:20'],
            'region' => ['required', Rule::in(DemandeOptions::REGIONS)],
            'type_demande' => ['nullable', Rule::in(array_keys(DemandeOptions::TYPES))],
            'message' => ['required', 'string', 'min:10', 'max:5000'],
            'piece_jointe' => ['nullable', 'file', 'mimes:pdf,jpg,jpeg,png,txt', 'max:2048'],
        ]);

        $demande = new Demande(collect($validated)->except('piece_jointe')->all());
        $demande->type_demande = $validated['type_demande'] ?? 'aide_alimentaire';
        if ($file = $request->file('piece_jointe')) {
            $demande->piece_jointe_nom = $file->getClientOriginalName();
            $demande->piece_jointe_taille = $file->getSize();
            $demande->piece_jointe_chemin = $file->store('pieces-jointes');
        }
        $demande->save();
        $demande->reference = sprintf('CSAR-%d-%06d', $demande->created_at->year, $demande->id);
        $demande->save();

        return redirect()->route('demande.confirmation', $demande->reference);
    }

    public function confirmation(string $reference)
    {
        return view('demande.confirmation', ['demande' => Demande::where('reference', $reference)->firstOrFail()]);
    }
}
