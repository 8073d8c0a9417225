<?php

return [
    // Orange's SMS API (developer.orange.com, "SMS Africa"): an OAuth client-credentials token, then one
    // outbound request per message from SMS_SENDER (tel:+221…).
    'orange_sms' => [
        'url' => env('SMS_API_URL', 'https://api.orange.com'),
        'client_id' => env('SMS_CLIENT_ID'),
        'client_secret' => env('SMS_CLIENT_SECRET'),
        'sender' => env('SMS_SENDER'),
        'sender_name' => env('SMS_SENDER_NAME'),
    ],
];
