<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up()
    {
        Schema::create('demandes', function (Blueprint $table) {
            $table->id();
            $table->string('reference')->nullable()->unique();
            $table->string('nom');
            $table->string('email');
            $table->string('telephone', 20)->nullable();
            $table->string('region');
            $table->string('type_demande');
            $table->text('message');
            $table->string('piece_jointe_nom')->nullable();
            $table->unsignedInteger('piece_jointe_taille')->nullable();
            $table->string('piece_jointe_chemin')->nullable();
            $table->timestamps();
        });
    }

    public function down()
    {
        Schema::dropIfExists('demandes');
    }
};
