"""The CSAR-like part of the Django test site: the public request form (« demandes »), its confirmation
page, the warehouse map and its JSON API, and the run-time fault switch (middleware.FaultsMiddleware)."""
