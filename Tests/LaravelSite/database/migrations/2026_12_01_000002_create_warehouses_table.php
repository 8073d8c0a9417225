<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up()
    {
        Schema::create('warehouses', function (Blueprint $table) {
            $table->id();
            $table->string('name');
            $table->string('region');
            $table->decimal('latitude', 8, 4);
            $table->decimal('longitude', 8, 4);
            $table->unsignedInteger('capacity');
        });
    }

    public function down()
    {
        Schema::dropIfExists('warehouses');
    }
};
