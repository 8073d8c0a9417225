<?php

use App\Http\Controllers\WarehouseController;
use Illuminate\Support\Facades\Route;

Route::get('/warehouses', [WarehouseController::class, 'index'])->name('api.warehouses');
