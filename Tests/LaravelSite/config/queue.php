<?php

/*
 * The demande's side effects (mail, SMS, broadcast) are queued in Redis and run by `php artisan queue:work`,
 * which scripts/laravel-stack.sh starts with --timeout=120: retry_after is longer, so a job still running is
 * never handed to a second worker. A job that throws is recorded in the failed_jobs table.
 */
return [
    'default' => env('QUEUE_CONNECTION', 'sync'),
    'connections' => [
        'sync' => ['driver' => 'sync'],
        'redis' => [
            'driver' => 'redis',
            'connection' => 'queue',
            'queue' => env('REDIS_QUEUE', 'default'),
            'retry_after' => 180,
            'block_for' => null,
            'after_commit' => false,
        ],
    ],
    'failed' => [
        'driver' => env('QUEUE_FAILED_DRIVER', 'database-uuids'),
        'database' => env('DB_CONNECTION', 'mysql'),
        'table' => 'failed_jobs',
    ],
];
