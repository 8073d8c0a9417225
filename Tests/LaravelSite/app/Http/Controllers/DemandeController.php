<?php

namespace App\Http\Controllers;

use App\Events\DemandeCreated;
use App\Jobs\SendDemandeSms;
use App\Mail\DemandeEnregistree;
use App\Models\Demande;
use App\Support\DemandeOptions;
use App\Support\Faults;
use App\Support\PhoneNumber;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Mail;
use Illuminate\Validation\Rule;

/**
 * The public request form: validation, storage in MariaDB, confirmation with the reference; then, through the
 * queue, a mail to the requester and the administrators, an SMS to the requester's telephone (when given) and
 * `demande.created` on the administrators' channel.
 */
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
        $this->announce($demande);

        return redirect()->route('demande.confirmation', $demande->reference);
    }

    /** Queued, so a slow or failing mail server, SMS provider or Pusher never delays or breaks the form. */
    private function announce(Demande $demande): void
    {
        Mail::to($demande->email)->cc(config('mail.admin_address'))->queue(new DemandeEnregistree($demande));
        $address = PhoneNumber::telUri($demande->telephone);
        if ($address !== null) {
            SendDemandeSms::dispatch($demande->reference, $address);
        }
        DemandeCreated::dispatch($demande);
    }

    public function confirmation(string $reference)
    {
        return view('demande.confirmation', ['demande' => Demande::where('reference', $reference)->firstOrFail()]);
    }
}
