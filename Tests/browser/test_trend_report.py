"""Opens trend.html samples in headless Chromium: no console error, nothing requested but the page itself,
one chart per series with its points, the change point and baseline band drawn, the verdict first,
hostile names kept as text, and the JUnit file valid. The samples are written by the Swift test
TrendReportTests.testWriteSamplesForTheBrowser into CSAR_HTML_SAMPLES_DIR (scripts/test.sh does both)."""

import os
import pathlib
import subprocess

import pytest

from pages import console_problems, open_page, requested_urls

SAMPLES_DIR = os.environ.get("CSAR_HTML_SAMPLES_DIR")
if not SAMPLES_DIR:
    pytest.skip("CSAR_HTML_SAMPLES_DIR is not set (scripts/test.sh sets it)", allow_module_level=True)

SAMPLES = {name: pathlib.Path(SAMPLES_DIR, name) for name in ("trend-regression", "trend-short")}


def open_sample(driver, name):
    """Loads a sample's trend.html with empty logs, returning its file:// URL."""
    hint = "run TrendReportTests with CSAR_HTML_SAMPLES_DIR set"
    return open_page(driver, SAMPLES[name] / "trend.html", hint)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_loads_without_console_errors_or_network_requests(driver, name):
    url = open_sample(driver, name)
    assert console_problems(driver) == []
    requests = requested_urls(driver)
    assert requests and all(request == url for request in requests), requests


def test_regression_page_shows_verdict_charts_change_point_and_runs(driver):
    open_sample(driver, "trend-regression")
    first = driver.execute_script("return document.querySelector('main').firstElementChild")
    assert first.tag_name == "header" and "failed" in first.get_attribute("class")
    assert first.find_element("tag name", "h1").text.endswith("REGRESSION")
    charts = driver.execute_script(
        "return [...document.querySelectorAll('svg.chart.trend')].map(svg => {"
        " const box = svg.getBoundingClientRect();"
        " return {id: svg.id, width: box.width, height: box.height, points: svg.querySelectorAll('circle.point').length,"
        "  band: svg.querySelectorAll('rect.baseline-band').length, changes: svg.querySelectorAll('line.changepoint').length,"
        "  regressed: svg.querySelectorAll('circle.point.regressed').length, title: svg.querySelector('title').textContent}})"
    )
    assert len(charts) >= 7, charts
    visible = [chart for chart in charts if chart["width"] > 300]
    assert len(visible) >= 7, charts
    for chart in visible:
        assert chart["height"] > 150 and chart["points"] == 20 and chart["band"] == 1 and chart["title"], chart
    assert any(chart["changes"] >= 1 and chart["regressed"] >= 1 for chart in visible), charts
    rows = driver.execute_script("return document.querySelectorAll('table.runs tbody tr').length")
    assert rows == 20
    driver.find_element("css selector", "a[href='#run-20']").click()
    assert driver.execute_script("return document.getElementById('run-20').tagName") == "DETAILS"


def test_hostile_load_name_stays_text(driver):
    open_sample(driver, "trend-regression")
    found = driver.execute_script(
        "return {scripts: document.querySelectorAll('script').length,"
        " text: document.body.textContent.includes('<script>alert(1)</script> home')}"
    )
    assert found == {"scripts": 0, "text": True}


def test_short_history_says_so(driver):
    open_sample(driver, "trend-short")
    header = driver.execute_script("return document.querySelector('main').firstElementChild.textContent")
    assert "NOT ENOUGH HISTORY" in header


def test_fits_a_phone_width(driver):
    open_sample(driver, "trend-regression")
    driver.set_window_size(390, 844)
    widths = driver.execute_script(
        "return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth}"
    )
    assert widths["page"] <= widths["viewport"], widths


def test_junit_is_valid_against_the_schema():
    schema = pathlib.Path(__file__).resolve().parents[1] / "Data" / "junit.xsd"
    for name in SAMPLES:
        result = subprocess.run(
            ["xmllint", "--noout", "--schema", str(schema), str(SAMPLES[name] / "trend-junit.xml")],
            capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
