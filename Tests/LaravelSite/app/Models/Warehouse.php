<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

/** One CSAR storage site. */
class Warehouse extends Model
{
    public $timestamps = false;

    protected $casts = ['latitude' => 'float', 'longitude' => 'float', 'capacity' => 'integer'];
}
