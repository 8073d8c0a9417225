<?php

namespace App\Events;

use App\Models\Demande;
use Illuminate\Broadcasting\InteractsWithSockets;
use Illuminate\Broadcasting\PrivateChannel;
use Illuminate\Contracts\Broadcasting\ShouldBroadcast;
use Illuminate\Foundation\Events\Dispatchable;

/**
 * `demande.created` on `private-admins`, queued: the administrators' dashboard learns of a new demande in real
 * time. Only the reference, region and type go out; the requester's name and contact stay on the server.
 */
class DemandeCreated implements ShouldBroadcast
{
    use Dispatchable, InteractsWithSockets;

    public string $reference;

    public string $region;

    public string $typeDemande;

    public function __construct(Demande $demande)
    {
        $this->reference = $demande->reference;
        $this->region = $demande->region;
        $this->typeDemande = $demande->type_demande;
    }

    public function broadcastOn()
    {
        return new PrivateChannel('admins');
    }

    public function broadcastAs()
    {
        return 'demande.created';
    }

    public function broadcastWith()
    {
        return ['reference' => $this->reference, 'region' => $this->region, 'type_demande' => $this->typeDemande];
    }
}
