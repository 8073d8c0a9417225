<?php

namespace App\Mail;

use App\Models\Demande;
use App\Support\Faults;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Mail\Mailable;
use Illuminate\Queue\SerializesModels;
use Swift_SmtpTransport;

/**
 * "Votre demande CSAR-… a été enregistrée": to the requester, with the administrators in copy; queued, sent by
 * the queue worker. The test stack's mail faults are read as the job runs (the worker is long-lived).
 */
class DemandeEnregistree extends Mailable implements ShouldQueue
{
    use Queueable, SerializesModels;

    public Demande $demande;

    private bool $withReference = true;

    public function __construct(Demande $demande)
    {
        $this->demande = $demande;
    }

    /** @param \Illuminate\Contracts\Mail\Factory|\Illuminate\Contracts\Mail\Mailer $mailer */
    public function send($mailer)
    {
        $faults = Faults::current(storage_path());
        sleep($faults->queueDelaySeconds());
        $this->withReference = ! $faults->mailWithoutReference();
        $this->useSmtpPassword($mailer, $faults->mailPasswordWrong());

        return parent::send($mailer);
    }

    public function build()
    {
        $reference = $this->withReference ? $this->demande->reference : null;

        return $this->subject($reference === null
                ? 'Votre demande a été enregistrée' : "Votre demande {$reference} a été enregistrée")
            ->view('emails.demande-enregistree', ['reference' => $reference])
            ->text('emails.demande-enregistree-texte', ['reference' => $reference]);
    }

    /**
     * The worker keeps its SMTP transport from one job to the next (it reconnects and logs in for each message),
     * so the password is set on it for every message: the configured one, or a wrong one under `mail:auth`.
     */
    private function useSmtpPassword($mailer, bool $wrong): void
    {
        $mailer = method_exists($mailer, 'mailer') ? $mailer->mailer($this->mailer) : $mailer;
        $transport = $mailer->getSwiftMailer()->getTransport();
        if ($transport instanceof Swift_SmtpTransport) {
            $password = (string) config('mail.mailers.smtp.password');
            $transport->setPassword($wrong ? 'wrong-'.$password : $password);
        }
    }
}
