<?php

namespace App\Http\Controllers;

use App\Models\Demande;
use Illuminate\Http\Request;

class AdminController extends Controller
{
    public function dashboard(Request $request)
    {
        return view('admin.dashboard', [
            'user' => $request->user(),
            'count' => Demande::count(),
            'demandes' => Demande::latest('id')->limit(10)->get(),
        ]);
    }
}
