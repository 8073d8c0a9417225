<?php

namespace App\Console\Commands;

use App\Support\Faults;
use Illuminate\Console\Command;
use InvalidArgumentException;

/** `php artisan csar:fault 500:/api/warehouses latency:/=2500 …`: switches the site's faults at run time. */
class FaultCommand extends Command
{
    protected $signature = 'csar:fault {specs* : 500:/path, 500:METHOD /path, 500:off, latency:/path=MS, latency:off, '
        .'warehouses:MODE, csrf:off, csrf:on, throttle:api=N, throttle:api=default, form:no-attachment, form:full, '
        .'mail:auth, mail:no-reference, mail:ok, sms:401, sms:ok, broadcast:secret, broadcast:ok, '
        .'queue:stopped, queue:started (the worker itself is stopped and started by scripts/laravel-stack.sh fault), '
        .'queue:slow=SECONDS or reset}';

    protected $description = 'Break the CSAR test site on purpose (read on every request and by every queued job; '
        .'no restart needed)';

    public function handle()
    {
        $storage = $this->laravel->storagePath();
        $faults = Faults::current($storage);
        try {
            foreach ($this->argument('specs') as $spec) {
                $faults->apply($spec);
            }
        } catch (InvalidArgumentException $error) {
            $this->error($error->getMessage());

            return 2;
        }
        $faults->save($storage);
        $this->line(trim(file_get_contents(Faults::file($storage))));

        return 0;
    }
}
