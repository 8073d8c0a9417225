<?php

namespace App\Jobs;

use App\Services\SmsService;
use App\Support\Faults;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;

/** "CSAR: votre demande CSAR-… a été enregistrée." to the requester's telephone, through the queue. */
class SendDemandeSms implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable;

    public string $reference;

    /** `tel:+221…` */
    public string $address;

    public function __construct(string $reference, string $address)
    {
        $this->reference = $reference;
        $this->address = $address;
    }

    public function handle(SmsService $sms): void
    {
        sleep(Faults::current(storage_path())->queueDelaySeconds());
        $sms->send($this->address, "CSAR: votre demande {$this->reference} a été enregistrée.");
    }
}
