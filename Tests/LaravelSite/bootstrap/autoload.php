<?php

/*
 * What Composer's vendor/autoload.php does in a usual Laravel project, without Composer: Debian's
 * php-laravel-framework registers the framework and its libraries, and a PSR-4 loader maps the
 * application's own namespaces (the `autoload.psr-4` section a composer.json would have).
 */

require_once '/usr/share/php/Illuminate/autoload.php';
// Laravel's HTTP client needs Guzzle; the framework's autoloader only looks for it as Guzzlehttp/Guzzle, a path
// Debian's php-guzzlehttp-guzzle does not have.
require_once '/usr/share/php/GuzzleHttp/autoload.php';

spl_autoload_register(static function (string $class): void {
    static $roots = [
        'App\\' => __DIR__.'/../app/',
        'Database\\Seeders\\' => __DIR__.'/../database/seeders/',
    ];
    foreach ($roots as $prefix => $directory) {
        if (strncmp($class, $prefix, strlen($prefix)) === 0) {
            $file = $directory.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
            if (is_file($file)) {
                require $file;
            }

            return;
        }
    }
});
