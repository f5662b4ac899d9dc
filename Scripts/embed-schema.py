#!/usr/bin/env python3
"""Copies Reports/schema/herald-report.xsd into the Swift source that embeds it in the binary.

Run after editing the schema: python3 Scripts/embed-schema.py (a test fails while the two differ)."""
from pathlib import Path

root = Path(__file__).resolve().parent.parent
xsd = (root / "Reports/schema/herald-report.xsd").read_text(encoding="utf-8")
assert '"""#' not in xsd, "the schema cannot contain the end of a Swift raw string"
(root / "Sources/HeraldReports/XML/ReportSchema.swift").write_text(
    "/// `herald-report.xsd`, embedded so `herald validate-report` works wherever the binary is copied. The same\n"
    "/// text is in Reports/schema/herald-report.xsd (the source: edit it, then run Scripts/embed-schema.py);\n"
    "/// a test fails when the two differ.\n"
    "public enum ReportSchema {\n"
    '    public static let fileName = "herald-report.xsd"\n\n'
    '    public static let text = #"""\n' + xsd + '\n"""#\n}\n',
    encoding="utf-8")
