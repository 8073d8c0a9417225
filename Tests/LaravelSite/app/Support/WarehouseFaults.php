<?php

namespace App\Support;

/** The data faults of `/api/warehouses`, applied to the JSON the API resource produced. */
final class WarehouseFaults
{
    public static function apply(string $mode, string $json): string
    {
        if ($mode === 'broken-json') {
            // Cut off part-way, as a PHP worker killed mid-response would leave it.
            return substr($json, 0, intdiv(strlen($json) * 2, 5));
        }
        $document = json_decode($json, true);
        $items = $document['data'] ?? [];
        switch ($mode) {
            case 'empty':
                $items = [];
                break;
            case 'outside-senegal':
                $items = array_map(static function (array $item): array {
                    [$item['latitude'], $item['longitude']] = [$item['longitude'], $item['latitude']];

                    return $item;
                }, $items);
                break;
            case 'duplicate-ids':
                // The last two warehouses reuse the first two ids, as after a botched import.
                $count = count($items);
                for ($index = max(0, $count - 2); $index < $count; $index++) {
                    $items[$index]['id'] = $index - ($count - 2) + 1;
                }
                break;
            case 'non-numeric-coordinates':
                $items = array_map(static function (array $item): array {
                    $item['latitude'] = str_replace('.', ',', (string) $item['latitude']);
                    $item['longitude'] = str_replace('.', ',', (string) $item['longitude']);

                    return $item;
                }, $items);
                break;
        }
        $document['data'] = $items;

        return json_encode($document);
    }
}
