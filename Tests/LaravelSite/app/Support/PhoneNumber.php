<?php

namespace App\Support;

/** A requester's telephone as Orange's SMS API wants it: `tel:+221771234567`. */
final class PhoneNumber
{
    /** Senegal: a national number has 9 digits (77 123 45 67), to which +221 is added. */
    private const COUNTRY_CODE = '221';

    /**
     * `77 123 45 67`, `+221 77-123-45-67`, `00221771234567` or `221771234567` → `tel:+221771234567`; null for
     * no number, or text that is not one.
     */
    public static function telUri(?string $telephone): ?string
    {
        $number = preg_replace('/[\s.\-()\/]/', '', (string) $telephone);
        if (str_starts_with($number, '+')) {
            $digits = substr($number, 1);
        } elseif (str_starts_with($number, '00')) {
            $digits = substr($number, 2);
        } elseif (strlen($number) === 9) {
            $digits = self::COUNTRY_CODE.$number;
        } else {
            $digits = $number;
        }
        if (! ctype_digit($digits) || strlen($digits) < 8 || strlen($digits) > 15) {
            return null;
        }

        return 'tel:+'.$digits;
    }
}
