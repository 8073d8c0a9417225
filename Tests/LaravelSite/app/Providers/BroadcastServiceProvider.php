<?php

namespace App\Providers;

use App\Broadcasting\PusherHmacBroadcaster;
use Illuminate\Support\Facades\Broadcast;
use Illuminate\Support\ServiceProvider;

/**
 * The `pusher-hmac` broadcaster (BROADCAST_DRIVER=pusher-hmac) and `POST /broadcasting/auth`, in the web group so
 * the administrator's session cookie applies. Laravel 8.83 takes that one route out of VerifyCsrfToken (a token
 * sent is accepted, none is required); without a session the answer is 403.
 */
class BroadcastServiceProvider extends ServiceProvider
{
    public function boot()
    {
        Broadcast::extend('pusher-hmac', static fn ($app, array $config) => new PusherHmacBroadcaster($config));
        Broadcast::routes(['middleware' => ['web']]);

        require base_path('routes/channels.php');
    }
}
