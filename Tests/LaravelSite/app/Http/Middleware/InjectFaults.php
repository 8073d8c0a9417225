<?php

namespace App\Http\Middleware;

use App\Support\Faults;
use App\Support\WarehouseFaults;
use Closure;
use Illuminate\Http\Request;
use RuntimeException;

/**
 * The test stack's fault switches (storage/framework/csar-faults.json, set with `php artisan csar:fault`),
 * read on every request so they change without a restart. Last in the web and api groups, so a broken
 * route fails as a controller would: after the session, the CSRF check and the rate limiter.
 */
class InjectFaults
{
    public function handle(Request $request, Closure $next)
    {
        $faults = Faults::current(app()->storagePath());
        $method = $request->getMethod() === 'HEAD' ? 'GET' : $request->getMethod();
        $path = '/'.ltrim($request->path(), '/');

        $delay = $faults->delayMilliseconds($method, $path);
        if ($delay > 0) {
            usleep($delay * 1000);
        }
        if ($faults->failsWithServerError($method, $path)) {
            throw new RuntimeException("Fault injected by the csar-check test stack: 500 on {$method} {$path}");
        }

        $response = $next($request);

        if ($path === '/api/warehouses' && $faults->warehouses() !== 'healthy') {
            $response->setContent(WarehouseFaults::apply($faults->warehouses(), $response->getContent()));
        }

        return $response;
    }
}
