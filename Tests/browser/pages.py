"""How the browser tests open a self-contained report page and read what it did: the page is loaded after
about:blank with the console and network logs emptied, so what they hold afterwards is the page's own."""

import json


def open_page(driver, path, missing_hint):
    """Loads the file at `path` (a pathlib.Path) and returns its file:// URL; `missing_hint` says how to make it."""
    assert path.is_file(), f"{path} is missing: {missing_hint}"
    driver.set_window_size(1280, 2000)
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")
    url = path.resolve().as_uri()
    driver.get(url)
    return url


def console_problems(driver):
    """The console's warnings and errors since the page was opened."""
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def requested_urls(driver):
    """Every URL the browser requested since the page was opened."""
    messages = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
    return [m["params"]["request"]["url"] for m in messages if m["method"] == "Network.requestWillBeSent"]
