<?php

use App\Models\User;
use Illuminate\Support\Facades\Broadcast;

// `private-admins`: new demandes as they arrive. Every account of this site is an administrator's.
Broadcast::channel('admins', static fn ($user) => $user instanceof User);
