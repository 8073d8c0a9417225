/// What `GET /api/warehouses` serves; every case except `healthy` is a bug a checker should catch.
public enum DemoWarehouseFault: String, Sendable, CaseIterable {
    /// The real catalogue: unique ids, numeric coordinates inside Senegal.
    case healthy
    /// A 200 `application/json` response whose body is cut off mid-object.
    case brokenJSON = "broken-json"
    /// `{"data":[]}`: valid JSON but no warehouse to show on the map.
    case empty
    /// Latitude and longitude swapped on every entry, the classic bug that puts Senegal in the Indian Ocean.
    case outsideSenegal = "outside-senegal"
    /// Two entries reuse the ids of other warehouses.
    case duplicateIds = "duplicate-ids"
    /// Coordinates sent as French-formatted strings (`"14,6928"`) instead of numbers.
    case nonNumericCoordinates = "non-numeric-coordinates"
}

/// Laravel's maintenance mode, as toggled by `php artisan down` / `php artisan up`.
public enum DemoMaintenanceMode: Sendable, Equatable {
    /// Normal service.
    case off
    /// Every request gets Laravel's 503 "Service Unavailable" page (no `Retry-After`, as `php artisan down`
    /// without `--retry`). With a secret, `GET /{secret}` hands out a
    /// `laravel_maintenance` bypass cookie (like `php artisan down --secret=…`); without one nobody gets in.
    case on(secret: String?)
}
