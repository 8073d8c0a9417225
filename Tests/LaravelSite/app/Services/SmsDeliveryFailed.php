<?php

namespace App\Services;

use Illuminate\Http\Client\Response;
use RuntimeException;

/** The SMS provider refused a request: what was asked, the status and the start of its answer. */
final class SmsDeliveryFailed extends RuntimeException
{
    public static function answered(string $what, string $url, Response $response): self
    {
        return new self(sprintf(
            'SMS provider: %s (POST %s) answered %d: %s',
            $what, $url, $response->status(), mb_substr(trim($response->body()), 0, 300)
        ));
    }
}
