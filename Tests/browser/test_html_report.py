"""Opens the HTML report samples in headless Chromium and checks what only a real browser can tell:
the page loads with no console error (a Content-Security-Policy violation is one), requests nothing
but itself, shows its charts, fits a phone's width, and expands its details when printed.

The samples are written by the Swift test HTMLReportSamplesTests into the folder named by
CSAR_HTML_SAMPLES_DIR (scripts/test.sh does both steps); without it these tests are skipped.
"""

import os
import pathlib

import pytest
from selenium.common.exceptions import NoAlertPresentException

from pages import console_problems, open_page, requested_urls

SAMPLES_DIR = os.environ.get("CSAR_HTML_SAMPLES_DIR")
if not SAMPLES_DIR:
    pytest.skip("CSAR_HTML_SAMPLES_DIR is not set (scripts/test.sh sets it)", allow_module_level=True)

SAMPLES = {name: pathlib.Path(SAMPLES_DIR, f"{name}.html") for name in ("passing", "failing", "load", "hostile")}
CHART_KINDS = ("latency-timeline", "throughput", "status-codes", "latency-distribution")


def open_sample(driver, name):
    """Loads a sample with empty logs, returning its file:// URL."""
    return open_page(driver, SAMPLES[name], "run HTMLReportSamplesTests with CSAR_HTML_SAMPLES_DIR set")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_loads_without_console_errors_or_network_requests(driver, name):
    url = open_sample(driver, name)
    assert console_problems(driver) == []
    requests = requested_urls(driver)
    assert requests and all(request == url for request in requests), requests
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_verdict_banner_comes_first(driver, name):
    open_sample(driver, name)
    first = driver.execute_script("return document.querySelector('main').firstElementChild")
    assert first.tag_name == "header"
    assert "verdict" in first.get_attribute("class")
    assert first.find_element("tag name", "h1").text.endswith("PASSED" if name in ("passing", "load") else "FAILED")


def test_load_report_draws_its_four_charts(driver):
    open_sample(driver, "load")
    for kind in CHART_KINDS:
        size = driver.execute_script(
            "const svg = document.getElementById(arguments[0]);"
            "if (!svg) return null;"
            "const box = svg.getBoundingClientRect();"
            "return {width: box.width, height: box.height, marks: svg.querySelectorAll('path, rect, circle').length,"
            " title: svg.querySelector('title').textContent}",
            f"load-1-{kind}",
        )
        assert size is not None, kind
        assert size["width"] > 300 and size["height"] > 150, (kind, size)
        assert size["marks"] >= 3, kind
        assert size["title"], kind


def test_hostile_strings_stay_text(driver):
    open_sample(driver, "hostile")
    found = driver.execute_script(
        "const active = document.querySelectorAll('script, img, iframe, link, object, embed, textarea, a[href^=\"http\"], a[href^=\"javascript\"]');"
        "const handlers = [...document.querySelectorAll('*')].flatMap(element =>"
        "  [...element.attributes].filter(attribute => attribute.name.startsWith('on')).map(attribute => attribute.name));"
        "return {active: active.length, handlers: handlers, text: document.body.textContent.includes('<script>alert(1)</script>')}"
    )
    assert found == {"active": 0, "handlers": [], "text": True}


@pytest.mark.parametrize("name", ["failing", "load"])
def test_fits_a_phone_width(driver, name):
    open_sample(driver, name)
    driver.set_window_size(390, 844)
    widths = driver.execute_script(
        "return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth}"
    )
    assert widths["page"] <= widths["viewport"], widths


def test_print_expands_closed_details(driver):
    open_sample(driver, "passing")
    visible = "return document.querySelector('details:not([open]) .detail').checkVisibility()"
    assert driver.execute_script(visible) is False
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert driver.execute_script(visible) is True
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
