<?php

namespace App\Console;

use Illuminate\Foundation\Console\Kernel as ConsoleKernel;

class Kernel extends ConsoleKernel
{
    /** Listed rather than discovered: discovery reads the namespace from composer.json, which we do not have. */
    protected $commands = [
        Commands\FaultCommand::class,
    ];
}
