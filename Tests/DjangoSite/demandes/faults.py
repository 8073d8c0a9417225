"""Faults switched at run time, for csar-check's tests.

When the environment variable CSAR_DJANGO_FAULTS names a file, that file is read on every request. A
missing or empty file means a healthy site. Otherwise it is a JSON object, every key optional:

    {"server_error": ["/api/entrepots/", "POST /demandes/nouvelle/", "/admin/"],
     "latency": {"/carte/": 2500},
     "warehouses": "outside-senegal",
     "csrf": "off"}

server_error  paths answered 500: "/path" (any method) or "METHOD /path"; HEAD counts as GET. Exact
              path match, the query string aside.
latency       milliseconds to wait before answering a path (the keys are written as in server_error).
warehouses    healthy (default) | outside-senegal | empty | broken-json: what /api/entrepots/ answers.
csrf          on (default) | off: off lets the request form accept a POST without a CSRF token.

A file that is not such an object makes every request answer 500, naming the mistake (a typo must
not pass for a healthy site). Write the file atomically (a temporary file, then a rename)."""

import json
import os

WAREHOUSE_MODES = {"healthy", "outside-senegal", "empty", "broken-json"}
CSRF_MODES = {"on", "off"}
KEYS = {"server_error", "latency", "warehouses", "csrf"}


class FaultFileError(Exception):
    pass


class Faults:
    def __init__(self, server_error=(), latency=None, warehouses="healthy", csrf="on"):
        self.server_error = [parse_entry(entry) for entry in server_error]
        self.latency = [(parse_entry(entry), milliseconds) for entry, milliseconds in (latency or {}).items()]
        self.warehouses = warehouses
        self.csrf = csrf

    def is_server_error(self, request):
        return any(matches(entry, request) for entry in self.server_error)

    def latency_seconds(self, request):
        return sum(milliseconds for entry, milliseconds in self.latency if matches(entry, request)) / 1000


HEALTHY = Faults()


def parse_entry(entry):
    """'/path' → (None, '/path'); 'POST /path' → ('POST', '/path')."""
    parts = entry.split()
    if len(parts) == 1 and parts[0].startswith("/"):
        return None, parts[0]
    if len(parts) == 2 and parts[1].startswith("/") and parts[0].isalpha():
        return parts[0].upper(), parts[1]
    raise FaultFileError(f"'{entry}' is neither '/path' nor 'METHOD /path'")


def matches(entry, request):
    method, path = entry
    if path != request.path:
        return False
    if method is None or method == request.method:
        return True
    return method == "GET" and request.method == "HEAD"


def current():
    """The faults in force now: read from the file named by CSAR_DJANGO_FAULTS, at each call."""
    name = os.environ.get("CSAR_DJANGO_FAULTS")
    if not name:
        return HEALTHY
    try:
        with open(name, encoding="utf-8") as file:
            text = file.read()
    except FileNotFoundError:
        return HEALTHY
    except OSError as error:
        raise FaultFileError(f"cannot read {name}: {error}")
    if not text.strip():
        return HEALTHY
    try:
        document = json.loads(text)
    except ValueError as error:
        raise FaultFileError(f"{name} is not JSON: {error}")
    if not isinstance(document, dict):
        raise FaultFileError(f"{name} must hold a JSON object")
    unknown = set(document) - KEYS
    if unknown:
        raise FaultFileError(f"unknown key(s) {sorted(unknown)} in {name}; known: {sorted(KEYS)}")
    server_error = document.get("server_error", [])
    if not (isinstance(server_error, list) and all(isinstance(entry, str) for entry in server_error)):
        raise FaultFileError("server_error must be a list of '/path' or 'METHOD /path' strings")
    latency = document.get("latency", {})
    if not (isinstance(latency, dict) and all(
            isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
            for value in latency.values())):
        raise FaultFileError("latency must map '/path' or 'METHOD /path' to milliseconds (a number ≥ 0)")
    warehouses = document.get("warehouses", "healthy")
    if warehouses not in WAREHOUSE_MODES:
        raise FaultFileError(f"warehouses must be one of {sorted(WAREHOUSE_MODES)}, not {warehouses!r}")
    csrf = document.get("csrf", "on")
    if csrf not in CSRF_MODES:
        raise FaultFileError(f"csrf must be one of {sorted(CSRF_MODES)}, not {csrf!r}")
    return Faults(server_error, latency, warehouses, csrf)
