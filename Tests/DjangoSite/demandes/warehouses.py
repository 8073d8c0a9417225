# CSAR warehouses (magasins) in Senegal, at their towns' coordinates.
WAREHOUSES = [
    {"id": 1, "nom": "Magasin central de Dakar", "lat": 14.6928, "lon": -17.4467},
    {"id": 2, "nom": "Magasin régional de Kaolack", "lat": 14.1520, "lon": -16.0726},
    {"id": 3, "nom": "Magasin régional de Saint-Louis", "lat": 16.0179, "lon": -16.4896},
    {"id": 4, "nom": "Magasin régional de Tambacounda", "lat": 13.7707, "lon": -13.6673},
    {"id": 5, "nom": "Magasin régional de Ziguinchor", "lat": 12.5681, "lon": -16.2719},
]

# "outside-senegal": this warehouse is moved to Paris.
OUTSIDE_SENEGAL = {"id": 5, "lat": 48.85, "lon": 2.35}
