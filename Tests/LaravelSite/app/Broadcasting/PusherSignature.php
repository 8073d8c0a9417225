<?php

namespace App\Broadcasting;

/**
 * Pusher's signatures, as its own libraries compute them (checked against PyPI's `pusher` 3.x): HMAC-SHA256 of
 * the secret, in lowercase hex.
 */
final class PusherSignature
{
    /**
     * The query string of a signed HTTP API request: auth_key, auth_timestamp, auth_version=1.0, body_md5 (and
     * any $parameters), sorted by name, then auth_signature over "METHOD\nPATH\nk=v&k=v…". Values are not
     * URL-encoded, as Pusher's libraries do not encode them.
     */
    public static function signedQuery(
        string $key, string $secret, string $method, string $path, string $body, int $timestamp, array $parameters = []
    ): string {
        $parameters = array_merge($parameters, [
            'auth_key' => $key,
            'auth_timestamp' => (string) $timestamp,
            'auth_version' => '1.0',
            'body_md5' => md5($body),
        ]);
        ksort($parameters, SORT_STRING);
        $query = self::join($parameters);
        $signature = hash_hmac('sha256', strtoupper($method)."\n".$path."\n".$query, $secret);

        return $query.'&auth_signature='.$signature;
    }

    /**
     * `KEY:SIGNATURE` authorising $socketId on a private channel, or a presence channel with its $channelData
     * (the JSON sent alongside): the signature is over "socket_id:channel_name[:channel_data]".
     */
    public static function channelAuth(
        string $key, string $secret, string $socketId, string $channel, ?string $channelData = null
    ): string {
        $signed = $socketId.':'.$channel.($channelData === null ? '' : ':'.$channelData);

        return $key.':'.hash_hmac('sha256', $signed, $secret);
    }

    private static function join(array $parameters): string
    {
        $pairs = [];
        foreach ($parameters as $name => $value) {
            $pairs[] = $name.'='.$value;
        }

        return implode('&', $pairs);
    }
}
