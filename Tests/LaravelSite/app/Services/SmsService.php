<?php

namespace App\Services;

use App\Support\Faults;
use Illuminate\Support\Facades\Http;

/**
 * Orange's SMS API through Laravel's HTTP client: a client-credentials token (`POST /oauth/v3/token`, HTTP Basic
 * with the client id and secret), then `POST /smsmessaging/v1/outbound/{sender}/requests` with it. A token is
 * asked for each message: Orange's last an hour, which a busier site would cache. Any answer other than 2xx
 * throws, so the queued job fails and shows in failed_jobs.
 */
class SmsService
{
    private const TIMEOUT_SECONDS = 15;

    private array $config;

    /** @param array|null $config url, client_id, client_secret, sender, sender_name; config/services.php's by default */
    public function __construct(?array $config = null)
    {
        $this->config = $config ?? config('services.orange_sms');
    }

    /** Sends $message to $address (`tel:+221…`); returns the resource URL the provider gave the request. */
    public function send(string $address, string $message): string
    {
        $sender = (string) $this->config['sender'];
        $url = $this->url('/smsmessaging/v1/outbound/'.rawurlencode($sender).'/requests');
        $request = ['address' => $address, 'senderAddress' => $sender];
        if (($this->config['sender_name'] ?? '') !== '') {
            $request['senderName'] = $this->config['sender_name'];
        }
        $request['outboundSMSTextMessage'] = ['message' => $message];

        $response = Http::withToken($this->accessToken())->acceptJson()->timeout(self::TIMEOUT_SECONDS)
            ->post($url, ['outboundSMSMessageRequest' => $request]);
        if (! $response->successful()) {
            throw SmsDeliveryFailed::answered('sending the SMS', $url, $response);
        }

        return (string) $response->json('outboundSMSMessageRequest.resourceURL', '');
    }

    private function accessToken(): string
    {
        $secret = (string) $this->config['client_secret'];
        if (Faults::current(storage_path())->smsSecretWrong()) {
            $secret = 'wrong-'.$secret;
        }
        $url = $this->url('/oauth/v3/token');
        $response = Http::asForm()->acceptJson()->timeout(self::TIMEOUT_SECONDS)
            ->withBasicAuth((string) $this->config['client_id'], $secret)
            ->post($url, ['grant_type' => 'client_credentials']);
        $token = $response->json('access_token');
        if (! $response->successful() || ! is_string($token) || $token === '') {
            throw SmsDeliveryFailed::answered('the access token', $url, $response);
        }

        return $token;
    }

    private function url(string $path): string
    {
        return rtrim((string) $this->config['url'], '/').$path;
    }
}
