"""The README's first command, end to end: `csar-check demo` runs the gate against the embedded demo site
and writes reports that CI tools read. A second run with an injected fault must fail (exit 1) and still
write every report. The folders are given by scripts/test.sh."""
import json
import os
import subprocess

import pytest
from junitparser import JUnitXml

PASSING = os.environ.get("CSAR_DEMO_REPORTS")
FAILING = os.environ.get("CSAR_DEMO_FAILING_REPORTS")
SCHEMA = os.path.join(os.path.dirname(__file__), "..", "Data", "junit.xsd")

pytestmark = pytest.mark.skipif(not PASSING or not FAILING, reason="run through scripts/test.sh")


def xmllint(path):
    return subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, path], capture_output=True, text=True)


def test_passing_gate_reports_read_by_junitparser():
    xml = JUnitXml.fromfile(os.path.join(PASSING, "junit.xml"))
    suites = {suite.name: suite for suite in xml}
    assert {"Production readiness", "Smoke", "Demande form", "Admin login", "Warehouse map", "criteria"} <= set(suites)
    assert sum(suite.tests for suite in xml) >= 25
    assert sum(suite.failures + suite.errors for suite in xml) == 0
    names = [(case.classname, case.name) for suite in xml for case in suite]
    assert len(names) == len(set(names)), "classname + name must be unique"
    assert any(name == "run / http_5xx == 0" for _, name in names)
    properties = {p.name: p.value for p in suites["Smoke"].properties()}
    assert properties["target"].startswith("https://localhost:")
    assert properties["tool"].startswith("csar-check ")
    assert xmllint(os.path.join(PASSING, "junit.xml")).returncode == 0


def test_passing_gate_json_and_html():
    report = json.load(open(os.path.join(PASSING, "report.json")))
    assert report["schemaVersion"] == 1
    assert report["verdict"]["passed"] is True and report["verdict"]["exitCode"] == 0
    assert report["loads"][0]["requests"] == 50
    assert report["loads"][0]["histograms"]["total"].startswith("HISTF")
    html = open(os.path.join(PASSING, "report.html"), encoding="utf-8").read()
    assert "csar-demo-password" not in html and "csar-demo-password" not in json.dumps(report)


def test_failing_gate_still_writes_every_report():
    xml = JUnitXml.fromfile(os.path.join(FAILING, "junit.xml"))
    failed = [case.name for suite in xml for case in suite if case.result]
    assert "Warehouse API answers a valid list" in failed
    assert "run / http_5xx == 0" in failed
    assert xmllint(os.path.join(FAILING, "junit.xml")).returncode == 0
    report = json.load(open(os.path.join(FAILING, "report.json")))
    assert report["verdict"]["exitCode"] == 1
    assert any("http_5xx" in failure for failure in report["verdict"]["failures"])
    assert os.path.getsize(os.path.join(FAILING, "report.html")) > 0
