<?php

namespace App\Support;

use InvalidArgumentException;

/**
 * The fault switches of the test stack, stored as JSON in storage/framework/csar-faults.json:
 * `{"server_error": ["POST /demande"], "latency": {"/": 2500}, "warehouses": "broken-json", "csrf": "off",
 * "api_per_minute": 10, "form": "no-attachment"}`. `form` changes the site's shape rather than breaking it: a
 * request form without its file field, as many CSAR-like sites have. Routes are `/path` (any method), `METHOD /path` or `*`; HEAD is served as GET, as the
 * router does.
 *
 * The side effects of a demande (mail, SMS, broadcast) run in a long-lived queue worker, so their faults are read
 * by each job as it runs, never at boot: `"mail": ["auth", "no-reference"], "sms": "401", "broadcast": "secret",
 * "queue_slow": 5`. `"queue": "stopped"` is the worker's state, which scripts/laravel-stack.sh acts on (it owns
 * the process).
 */
final class Faults
{
    /** Laravel's default `throttle:api`: 60 requests a minute per client. */
    public const DEFAULT_API_PER_MINUTE = 60;

    /** The longest `queue:slow=N`: well under the worker's --timeout, so a slow job is never killed as hung. */
    public const MAX_QUEUE_SLOW_SECONDS = 60;

    public const MAIL_FAULTS = ['auth', 'no-reference'];

    public const WAREHOUSE_MODES = [
        'healthy', 'broken-json', 'empty', 'outside-senegal', 'duplicate-ids', 'non-numeric-coordinates',
    ];

    private array $state;

    private function __construct(array $state)
    {
        $this->state = $state + [
            'server_error' => [], 'latency' => [], 'warehouses' => 'healthy', 'csrf' => 'on',
            'api_per_minute' => self::DEFAULT_API_PER_MINUTE, 'form' => 'full',
            'mail' => [], 'sms' => 'ok', 'broadcast' => 'ok', 'queue' => 'started', 'queue_slow' => 0,
        ];
    }

    public static function file(string $storagePath): string
    {
        return $storagePath.'/framework/csar-faults.json';
    }

    public static function current(string $storagePath): self
    {
        $text = @file_get_contents(self::file($storagePath));
        $state = is_string($text) ? json_decode($text, true) : null;

        return new self(is_array($state) ? $state : []);
    }

    public function save(string $storagePath): void
    {
        $file = self::file($storagePath);
        $temporary = $file.'.'.getmypid();
        file_put_contents($temporary, json_encode($this->state, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES)."\n");
        rename($temporary, $file);
    }

    public function csrfDisabled(): bool
    {
        return $this->state['csrf'] === 'off';
    }

    /** Whether the request form has its file field (`form:full`, the default) or not (`form:no-attachment`). */
    public function formHasAttachment(): bool
    {
        return $this->state['form'] !== 'no-attachment';
    }

    public function warehouses(): string
    {
        return $this->state['warehouses'];
    }

    /** The `api` rate limit, requests a minute per client: Laravel's 60 unless `throttle:api=N` lowered it. */
    public function apiRequestsPerMinute(): int
    {
        return (int) $this->state['api_per_minute'];
    }

    /** `mail:auth`: the mail job logs in to SMTP with a wrong password, which the server refuses. */
    public function mailPasswordWrong(): bool
    {
        return in_array('auth', $this->state['mail'], true);
    }

    /** `mail:no-reference`: the mail's subject and body leave out the demande's reference. */
    public function mailWithoutReference(): bool
    {
        return in_array('no-reference', $this->state['mail'], true);
    }

    /** `sms:401`: the SMS job asks for a token with a wrong client secret, which the provider answers with 401. */
    public function smsSecretWrong(): bool
    {
        return $this->state['sms'] === '401';
    }

    /** `broadcast:secret`: the broadcaster signs events (and channel authorisations) with a wrong secret. */
    public function broadcastSecretWrong(): bool
    {
        return $this->state['broadcast'] === 'secret';
    }

    /** `queue:stopped`: the queue worker should not run (scripts/laravel-stack.sh stops and starts it). */
    public function queueStopped(): bool
    {
        return $this->state['queue'] === 'stopped';
    }

    /** `queue:slow=N`: seconds each of the demande's jobs waits before it starts its work. */
    public function queueDelaySeconds(): int
    {
        return (int) $this->state['queue_slow'];
    }

    public function failsWithServerError(string $method, string $path): bool
    {
        foreach ($this->state['server_error'] as $route) {
            if (self::matches($route, $method, $path)) {
                return true;
            }
        }

        return false;
    }

    /** The largest delay of the routes matching the request, in milliseconds. */
    public function delayMilliseconds(string $method, string $path): int
    {
        $delay = 0;
        foreach ($this->state['latency'] as $route => $milliseconds) {
            if (self::matches($route, $method, $path)) {
                $delay = max($delay, (int) $milliseconds);
            }
        }

        return $delay;
    }

    /**
     * Applies one switch written as text: `500:/path`, `500:METHOD /path`, `500:*`, `500:off`,
     * `latency:/path=MS`, `latency:off`, `warehouses:MODE`, `csrf:off`, `csrf:on`, `throttle:api=N`,
     * `form:no-attachment`, `form:full`, `mail:auth`, `mail:no-reference`, `mail:ok`, `sms:401`, `sms:ok`,
     * `broadcast:secret`, `broadcast:ok`, `queue:stopped`, `queue:started`, `queue:slow=N` or `reset`.
     */
    public function apply(string $spec): void
    {
        $spec = trim($spec);
        if (strtolower($spec) === 'reset') {
            $this->state = (new self([]))->state;

            return;
        }
        [$kind, $value] = array_pad(explode(':', $spec, 2), 2, '');
        $value = trim($value);
        if ($value === '') {
            throw new InvalidArgumentException("invalid fault '{$spec}': expected KIND:VALUE");
        }
        switch (strtolower($kind)) {
            case '500':
                if (strtolower($value) === 'off') {
                    $this->state['server_error'] = [];
                } else {
                    $this->state['server_error'][] = self::route($spec, $value);
                    $this->state['server_error'] = array_values(array_unique($this->state['server_error']));
                }
                break;
            case 'latency':
                $this->applyLatency($spec, $value);
                break;
            case 'warehouses':
                if (! in_array($value, self::WAREHOUSE_MODES, true)) {
                    throw new InvalidArgumentException(
                        "invalid fault '{$spec}': expected one of ".implode(', ', self::WAREHOUSE_MODES)
                    );
                }
                $this->state['warehouses'] = $value;
                break;
            case 'csrf':
                if (! in_array($value, ['on', 'off'], true)) {
                    throw new InvalidArgumentException("invalid fault '{$spec}': expected csrf:off or csrf:on");
                }
                $this->state['csrf'] = $value;
                break;
            case 'throttle':
                $this->state['api_per_minute'] = self::apiLimit($spec, $value);
                break;
            case 'form':
                if (! in_array($value, ['full', 'no-attachment'], true)) {
                    throw new InvalidArgumentException(
                        "invalid fault '{$spec}': expected form:no-attachment or form:full"
                    );
                }
                $this->state['form'] = $value;
                break;
            case 'mail':
                $this->applyMail($spec, $value);
                break;
            case 'sms':
                $this->state['sms'] = self::oneOf($spec, $value, ['401', 'ok']);
                break;
            case 'broadcast':
                $this->state['broadcast'] = self::oneOf($spec, $value, ['secret', 'ok']);
                break;
            case 'queue':
                $this->applyQueue($spec, $value);
                break;
            default:
                throw new InvalidArgumentException(
                    "invalid fault '{$spec}': unknown kind; expected 500, latency, warehouses, csrf, throttle, form, "
                    .'mail, sms, broadcast, queue or reset '
                    .'(maintenance is `php artisan down --secret=…` / `php artisan up`)'
                );
        }
    }

    /** `mail:auth` and `mail:no-reference` add up; `mail:ok` clears both. */
    private function applyMail(string $spec, string $value): void
    {
        $value = self::oneOf($spec, $value, array_merge(self::MAIL_FAULTS, ['ok']));
        $this->state['mail'] = $value === 'ok'
            ? [] : array_values(array_unique(array_merge($this->state['mail'], [$value])));
    }

    /** `queue:stopped`, `queue:started`, `queue:slow=N` (seconds, 0 for none). */
    private function applyQueue(string $spec, string $value): void
    {
        if (in_array($value, ['stopped', 'started'], true)) {
            $this->state['queue'] = $value;

            return;
        }
        [$name, $seconds] = array_map('trim', array_pad(explode('=', $value, 2), 2, ''));
        if ($name !== 'slow' || ! ctype_digit($seconds) || (int) $seconds > self::MAX_QUEUE_SLOW_SECONDS) {
            throw new InvalidArgumentException(
                "invalid fault '{$spec}': expected queue:stopped, queue:started or queue:slow=SECONDS (0 to "
                .self::MAX_QUEUE_SLOW_SECONDS.')'
            );
        }
        $this->state['queue_slow'] = (int) $seconds;
    }

    private static function oneOf(string $spec, string $value, array $allowed): string
    {
        if (! in_array($value, $allowed, true)) {
            [$kind] = explode(':', $spec, 2);
            throw new InvalidArgumentException(
                "invalid fault '{$spec}': expected ".implode(' or ', array_map(
                    static fn (string $choice): string => "{$kind}:{$choice}", $allowed
                ))
            );
        }

        return $value;
    }

    private function applyLatency(string $spec, string $value): void
    {
        if (strtolower($value) === 'off') {
            $this->state['latency'] = [];

            return;
        }
        $equals = strrpos($value, '=');
        $milliseconds = $equals === false ? '' : trim(substr($value, $equals + 1));
        if ($equals === false || ! ctype_digit($milliseconds) || (int) $milliseconds > 600000) {
            throw new InvalidArgumentException("invalid fault '{$spec}': expected latency:/path=MILLISECONDS");
        }
        $route = self::route($spec, substr($value, 0, $equals));
        if ((int) $milliseconds === 0) {
            unset($this->state['latency'][$route]);
        } else {
            $this->state['latency'][$route] = (int) $milliseconds;
        }
    }

    /** `api=N` (1 to 100000 requests a minute) or `api=default` (Laravel's 60). */
    private static function apiLimit(string $spec, string $value): int
    {
        [$name, $limit] = array_map('trim', array_pad(explode('=', $value, 2), 2, ''));
        if ($name === 'api' && strtolower($limit) === 'default') {
            return self::DEFAULT_API_PER_MINUTE;
        }
        if ($name !== 'api' || ! ctype_digit($limit) || (int) $limit < 1 || (int) $limit > 100000) {
            throw new InvalidArgumentException(
                "invalid fault '{$spec}': expected throttle:api=N (requests a minute, 1 to 100000) "
                .'or throttle:api=default'
            );
        }

        return (int) $limit;
    }

    private static function route(string $spec, string $text): string
    {
        $parts = preg_split('/\s+/', trim($text));
        $path = end($parts);
        if (count($parts) > 2 || ($path !== '*' && $path[0] !== '/')
            || (count($parts) === 2 && ! ctype_alpha($parts[0]))) {
            throw new InvalidArgumentException("invalid fault '{$spec}': expected /path, METHOD /path or *");
        }

        return count($parts) === 2 ? strtoupper($parts[0]).' '.$path : $path;
    }

    private static function matches(string $route, string $method, string $path): bool
    {
        if ($route === '*') {
            return true;
        }
        $parts = explode(' ', $route, 2);

        return count($parts) === 2 ? ($parts[0] === $method && $parts[1] === $path) : $route === $path;
    }
}
