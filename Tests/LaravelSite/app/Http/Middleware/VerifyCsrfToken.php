<?php

namespace App\Http\Middleware;

use App\Support\Faults;
use Illuminate\Contracts\Encryption\Encrypter;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Foundation\Http\Middleware\VerifyCsrfToken as Middleware;

class VerifyCsrfToken extends Middleware
{
    protected $except = [];

    /**
     * The `csrf:off` fault is what a site that excluded every URI from the check looks like:
     * `$except = ['*']`, Laravel's own switch.
     */
    public function __construct(Application $app, Encrypter $encrypter)
    {
        parent::__construct($app, $encrypter);
        if (Faults::current($app->storagePath())->csrfDisabled()) {
            $this->except = ['*'];
        }
    }
}
