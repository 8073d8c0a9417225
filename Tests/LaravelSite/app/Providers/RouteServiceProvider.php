<?php

namespace App\Providers;

use App\Support\Faults;
use Illuminate\Cache\RateLimiting\Limit;
use Illuminate\Foundation\Support\Providers\RouteServiceProvider as ServiceProvider;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\RateLimiter;
use Illuminate\Support\Facades\Route;

/**
 * Laravel 8's skeleton provider: web and api route files, and the default `api` rate limit (60/min), which
 * the test stack's `throttle:api=N` fault lowers (or raises) at run time.
 */
class RouteServiceProvider extends ServiceProvider
{
    public const HOME = '/admin';

    public function boot()
    {
        $this->configureRateLimiting();

        $this->routes(function () {
            Route::prefix('api')
                ->middleware('api')
                ->group(base_path('routes/api.php'));

            Route::middleware('web')
                ->group(base_path('routes/web.php'));
        });
    }

    protected function configureRateLimiting()
    {
        RateLimiter::for('api', function (Request $request) {
            $perMinute = Faults::current(app()->storagePath())->apiRequestsPerMinute();

            return Limit::perMinute($perMinute)->by(optional($request->user())->id ?: $request->ip());
        });
    }
}
