<?php

/*
 * `pusher-hmac` is the site's own Pusher broadcaster (app/Broadcasting/PusherHmacBroadcaster.php): Debian has no
 * pusher/pusher-php-server, so it signs Pusher's HTTP events API and channel authorisations itself.
 */
return [
    'default' => env('BROADCAST_DRIVER', 'null'),
    'connections' => [
        'pusher-hmac' => [
            'driver' => 'pusher-hmac',
            'app_id' => env('PUSHER_APP_ID'),
            'key' => env('PUSHER_APP_KEY'),
            'secret' => env('PUSHER_APP_SECRET'),
            'host' => env('PUSHER_HOST', 'api-'.env('PUSHER_APP_CLUSTER', 'mt1').'.pusher.com'),
            'port' => (int) env('PUSHER_PORT', 443),
            'scheme' => env('PUSHER_SCHEME', 'https'),
        ],
        'log' => ['driver' => 'log'],
        'null' => ['driver' => 'null'],
    ],
];
