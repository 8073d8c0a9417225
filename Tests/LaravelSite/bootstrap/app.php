<?php

/*
 * Creates the application. Everything a running instance writes — .env, storage/ (sessions are in Redis,
 * but logs, compiled views, uploads and the maintenance `down` file are here) and the framework's cache
 * files — lives in the runtime folder of scripts/laravel-stack.sh, named by CSAR_LARAVEL_RUNTIME, so the
 * code in the repository stays read-only and several instances can run side by side.
 */

$runtime = $_SERVER['CSAR_LARAVEL_RUNTIME'] ?? getenv('CSAR_LARAVEL_RUNTIME');
if (! is_string($runtime) || $runtime === '' || ! is_dir($runtime)) {
    throw new RuntimeException(
        'CSAR_LARAVEL_RUNTIME must name the runtime folder of a stack started with scripts/laravel-stack.sh start'
    );
}

foreach ([
    'APP_SERVICES_CACHE' => 'services.php',
    'APP_PACKAGES_CACHE' => 'packages.php',
    'APP_CONFIG_CACHE' => 'config.php',
    'APP_ROUTES_CACHE' => 'routes-v7.php',
    'APP_EVENTS_CACHE' => 'events.php',
] as $key => $file) {
    $_SERVER[$key] = $_ENV[$key] = $runtime.'/bootstrap-cache/'.$file;
}

$app = new Illuminate\Foundation\Application(dirname(__DIR__));
$app->useStoragePath($runtime.'/storage');
$app->useEnvironmentPath($runtime);

$app->singleton(Illuminate\Contracts\Http\Kernel::class, App\Http\Kernel::class);
$app->singleton(Illuminate\Contracts\Console\Kernel::class, App\Console\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, App\Exceptions\Handler::class);

return $app;
