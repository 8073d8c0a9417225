<?php

use Illuminate\Contracts\Http\Kernel;
use Illuminate\Http\Request;

define('LARAVEL_START', microtime(true));

require __DIR__.'/../bootstrap/autoload.php';

$app = require_once __DIR__.'/../bootstrap/app.php';

// Laravel 8's skeleton: `php artisan down --render=…` leaves a pre-rendered page answered from here.
if (file_exists($maintenance = $app->storagePath().'/framework/maintenance.php')) {
    require $maintenance;
}

$kernel = $app->make(Kernel::class);

$response = $kernel->handle(
    $request = Request::capture()
)->send();

$kernel->terminate($request, $response);
