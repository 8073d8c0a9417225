<?php

use App\Http\Controllers\AdminController;
use App\Http\Controllers\AuthController;
use App\Http\Controllers\DemandeController;
use Illuminate\Support\Facades\Route;

Route::view('/', 'home')->name('home');
Route::view('/carte', 'carte')->name('carte');

Route::get('/demande', [DemandeController::class, 'create'])->name('demande.create');
Route::post('/demande', [DemandeController::class, 'store'])->name('demande.store');
Route::get('/demande/confirmation/{reference}', [DemandeController::class, 'confirmation'])
    ->name('demande.confirmation');

Route::middleware('guest')->group(function () {
    Route::get('/login', [AuthController::class, 'create'])->name('login');
    Route::post('/login', [AuthController::class, 'store']);
});

Route::middleware('auth')->group(function () {
    Route::get('/admin', [AdminController::class, 'dashboard'])->name('admin');
    Route::post('/logout', [AuthController::class, 'destroy'])->name('logout');
});

// The `telescope` fault of `scripts/laravel-stack.sh hardening-fault`: Laravel Telescope's dashboard left public
// in production. Only the TLS server passes CSAR_FAULT_TELESCOPE=on (while the fault is on), so the app itself
// answers /telescope there and nowhere else.
if (request()->server('CSAR_FAULT_TELESCOPE') === 'on') {
    Route::get('/telescope/{view?}', function () {
        return response(<<<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Telescope - CSAR</title>
    <link href="/vendor/telescope/app.css" rel="stylesheet" type="text/css">
</head>
<body>
<div id="telescope" v-cloak>
    <h1>Laravel Telescope</h1>
    <ul><li>Requests</li><li>Commands</li><li>Jobs</li><li>Exceptions</li><li>Logs</li><li>Queries</li></ul>
</div>
<script>window.Telescope = {"path":"telescope","timezone":"UTC","recording":true};</script>
<script src="/vendor/telescope/app.js"></script>
</body>
</html>
HTML);
    })->where('view', '.*')->name('telescope');
}
