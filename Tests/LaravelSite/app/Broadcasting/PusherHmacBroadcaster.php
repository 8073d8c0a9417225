<?php

namespace App\Broadcasting;

use App\Support\Faults;
use Illuminate\Broadcasting\BroadcastException;
use Illuminate\Broadcasting\Broadcasters\Broadcaster;
use Illuminate\Broadcasting\Broadcasters\UsePusherChannelConventions;
use Illuminate\Support\Arr;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Str;
use Symfony\Component\HttpKernel\Exception\AccessDeniedHttpException;
use Symfony\Component\HttpKernel\Exception\BadRequestHttpException;

/**
 * Laravel's Pusher broadcaster without pusher/pusher-php-server (not in Debian): events go to Pusher's HTTP API
 * (`POST /apps/{id}/events`, signed), and `POST /broadcasting/auth` answers `{"auth": "KEY:SIGNATURE"}` for the
 * private and presence channels routes/channels.php allows, as PusherBroadcaster does. Config: app_id, key,
 * secret, host, port, scheme (config/broadcasting.php).
 */
class PusherHmacBroadcaster extends Broadcaster
{
    use UsePusherChannelConventions;

    private const TIMEOUT_SECONDS = 15;

    private array $config;

    public function __construct(array $config)
    {
        $this->config = $config;
    }

    /** @throws AccessDeniedHttpException when the channel is guarded and no user may join it */
    public function auth($request)
    {
        $channelName = $this->normalizeChannelName($request->channel_name);

        if (empty($request->channel_name) ||
            ($this->isGuardedChannel($request->channel_name) && ! $this->retrieveUser($request, $channelName))) {
            throw new AccessDeniedHttpException;
        }

        return parent::verifyUserCanAccessChannel($request, $channelName);
    }

    public function validAuthenticationResponse($request, $result)
    {
        $channel = (string) $request->channel_name;
        $socketId = (string) $request->socket_id;
        // Pusher's socket ids are "digits.digits"; its libraries refuse anything else.
        if (! preg_match('/\A\d+\.\d+\z/', $socketId)) {
            throw new BadRequestHttpException("Invalid socket ID {$socketId}");
        }
        if (Str::startsWith($channel, 'private')) {
            return ['auth' => PusherSignature::channelAuth($this->config['key'], $this->secret(), $socketId, $channel)];
        }

        $user = $this->retrieveUser($request, $this->normalizeChannelName($channel));
        $userData = ['user_id' => method_exists($user, 'getAuthIdentifierForBroadcasting')
            ? $user->getAuthIdentifierForBroadcasting() : $user->getAuthIdentifier()];
        if ($result) {
            $userData['user_info'] = $result;
        }
        $channelData = json_encode($userData);

        return [
            'auth' => PusherSignature::channelAuth(
                $this->config['key'], $this->secret(), $socketId, $channel, $channelData
            ),
            'channel_data' => $channelData,
        ];
    }

    /** @throws BroadcastException when Pusher answers other than 2xx, so the queued broadcast fails */
    public function broadcast(array $channels, $event, array $payload = [])
    {
        sleep(Faults::current(storage_path())->queueDelaySeconds());
        $socket = Arr::pull($payload, 'socket');
        $body = ['name' => $event, 'data' => json_encode($payload), 'channels' => $this->formatChannels($channels)];
        if ($socket !== null) {
            $body['socket_id'] = $socket;
        }
        $json = json_encode($body);
        $path = '/apps/'.$this->config['app_id'].'/events';
        $query = PusherSignature::signedQuery($this->config['key'], $this->secret(), 'POST', $path, $json, time());
        $url = sprintf('%s://%s:%d%s?%s',
            $this->config['scheme'], $this->config['host'], $this->config['port'], $path, $query);

        $response = Http::withBody($json, 'application/json')->timeout(self::TIMEOUT_SECONDS)->post($url);
        if (! $response->successful()) {
            throw new BroadcastException(sprintf(
                'Pusher error: POST %s answered %d: %s.', $path, $response->status(), mb_substr($response->body(), 0, 300)
            ));
        }
    }

    /** The app secret, or a wrong one under the test stack's `broadcast:secret` fault (read on every use). */
    private function secret(): string
    {
        $secret = (string) $this->config['secret'];

        return Faults::current(storage_path())->broadcastSecretWrong() ? 'wrong-'.$secret : $secret;
    }
}
