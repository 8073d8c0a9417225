<?php

namespace Database\Seeders;

use App\Models\User;
use Illuminate\Database\Seeder;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Hash;
use RuntimeException;

/** The administrator (CSAR_ADMIN_EMAIL / CSAR_ADMIN_PASSWORD from the environment) and the warehouses. */
class DatabaseSeeder extends Seeder
{
    /** One regional warehouse per region capital, at the town's coordinates (id, name, region, lat, lon, t). */
    private const WAREHOUSES = [
        [1, 'Magasin central de Dakar', 'Dakar', 14.6928, -17.4467, 12000],
        [2, 'Entrepôt régional de Thiès', 'Thiès', 14.7910, -16.9359, 6500],
        [3, 'Entrepôt régional de Saint-Louis', 'Saint-Louis', 16.0179, -16.4896, 5000],
        [4, 'Entrepôt régional de Kaolack', 'Kaolack', 14.1652, -16.0726, 7000],
        [5, 'Entrepôt régional de Ziguinchor', 'Ziguinchor', 12.5681, -16.2719, 4500],
        [6, 'Entrepôt régional de Tambacounda', 'Tambacounda', 13.7707, -13.6673, 5500],
        [7, 'Entrepôt régional de Kolda', 'Kolda', 12.8983, -14.9412, 3000],
        [8, 'Entrepôt régional de Matam', 'Matam', 15.6559, -13.2554, 3500],
        [9, 'Entrepôt régional de Louga', 'Louga', 15.6144, -16.2286, 4000],
        [10, 'Entrepôt régional de Fatick', 'Fatick', 14.3390, -16.4041, 2500],
        [11, 'Entrepôt régional de Kaffrine', 'Kaffrine', 14.1059, -15.5508, 3000],
        [12, 'Entrepôt régional de Kédougou', 'Kédougou', 12.5605, -12.1747, 2000],
        [13, 'Entrepôt régional de Sédhiou', 'Sédhiou', 12.7081, -15.5569, 2000],
        [14, 'Entrepôt régional de Diourbel', 'Diourbel', 14.6550, -16.2340, 4000],
    ];

    public function run()
    {
        $email = getenv('CSAR_ADMIN_EMAIL');
        $password = getenv('CSAR_ADMIN_PASSWORD');
        if (! $email || ! $password) {
            throw new RuntimeException('set CSAR_ADMIN_EMAIL and CSAR_ADMIN_PASSWORD to seed the administrator');
        }
        User::updateOrCreate(['email' => $email], ['name' => 'Administrateur CSAR', 'password' => Hash::make($password)]);

        foreach (self::WAREHOUSES as [$id, $name, $region, $latitude, $longitude, $capacity]) {
            DB::table('warehouses')->updateOrInsert(
                ['id' => $id],
                compact('name', 'region', 'latitude', 'longitude', 'capacity')
            );
        }
    }
}
