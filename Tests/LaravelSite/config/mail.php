<?php

/*
 * SMTP through Debian's php-swiftmailer (Laravel 8's transport). The test stack points it at its own SMTP
 * server (Tests/MailServer), which requires AUTH; MAIL_ENCRYPTION=null there, as that server has no TLS.
 */
return [
    'default' => env('MAIL_MAILER', 'log'),
    'mailers' => [
        'smtp' => [
            'transport' => 'smtp',
            'host' => env('MAIL_HOST', '127.0.0.1'),
            'port' => env('MAIL_PORT', 587),
            'encryption' => env('MAIL_ENCRYPTION', 'tls'),
            'username' => env('MAIL_USERNAME'),
            'password' => env('MAIL_PASSWORD'),
            'timeout' => 20,
            'auth_mode' => null,
        ],
        'log' => ['transport' => 'log', 'channel' => env('MAIL_LOG_CHANNEL')],
        'array' => ['transport' => 'array'],
    ],
    'from' => [
        'address' => env('MAIL_FROM_ADDRESS', 'noreply@csar.sn'),
        'name' => env('MAIL_FROM_NAME', 'CSAR'),
    ],
    // Who is told of every new demande besides the requester.
    'admin_address' => env('MAIL_ADMIN_ADDRESS', 'admin@csar.sn'),
];
