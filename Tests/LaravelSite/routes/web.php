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
