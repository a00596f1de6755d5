"""Term check reports: a TSV for spreadsheets and filters, an HTML page to read and work from.

The HTML report is one self-contained file (no script, no external style sheet), with
the findings grouped by unit, the term marked in both sides, and a count per severity
at the top, so a terminologist can go through it in a browser or send it on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape

from tmkit.terms.check import COLUMNS, SEVERITIES, Finding, finding_row

__all__ = ["tsv_table", "tsv_report", "html_report"]

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}
th{background:#f0f0f0;text-align:left}.error{background:#fde2e2}.warning{background:#fff4d6}.info{background:#e6f0ff}
mark{background:#ffe066;padding:0 .1em}td.text{max-width:28em}small{color:#555}
"""


def tsv_table(header: tuple[str, ...], rows: Iterable[list[str]]) -> bytes:
    """A header and rows as UTF-8 TSV; whitespace runs become one space, so no cell holds a tab or newline."""
    lines = ["\t".join(header)] + ["\t".join(" ".join(cell.split()) for cell in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def tsv_report(findings: list[Finding]) -> bytes:
    """Header and one row per finding (:data:`~tmkit.terms.check.COLUMNS`)."""
    return tsv_table(COLUMNS, (finding_row(finding) for finding in findings))


def html_report(findings: list[Finding], units: int, title: str) -> bytes:
    """The findings as an HTML page: summary counts, then a table row per finding."""
    severities = Counter(finding.severity for finding in findings)
    flagged = len({finding.tuid for finding in findings})
    counts = ", ".join(f"{severities[s]} {s}" for s in SEVERITIES if severities[s]) or "none"
    rows = []
    for finding in findings:
        marks = (finding.found, finding.term) if finding.lang == "en" else (finding.found,)
        rows.append(
            f'<tr class="{finding.severity}"><td>{escape(finding.tuid)}</td><td>{finding.severity}</td>'
            f"<td>{escape(finding.issue)} ({finding.lang})<br><small>{escape(finding.concept)}</small></td>"
            f"<td>{escape(finding.term)}</td><td>{escape(' | '.join(finding.expected))}</td>"
            f"<td>{escape(finding.found)}</td><td>{escape(finding.why)}</td>"
            f'<td class="text" lang="zh">{_marked(finding.zh, (finding.term,) if finding.lang == "zh" else ())}</td>'
            f'<td class="text" lang="en">{_marked(finding.en, marks)}</td></tr>')
    body = "\n".join(rows) or '<tr><td colspan="9">No findings.</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{_STYLE}</style></head>
<body><h1>{escape(title)}</h1>
<p>{units} units checked; {flagged} with term issues; {len(findings)} findings ({counts}).</p>
<table><thead><tr><th>unit</th><th>severity</th><th>issue</th><th>term</th><th>expected</th><th>found</th>
<th>why</th><th>Chinese</th><th>English</th></tr></thead>
<tbody>
{body}
</tbody></table></body></html>
"""
    return page.encode("utf-8")


def _marked(text: str, terms: tuple[str, ...]) -> str:
    """``text`` escaped, with the first occurrence of each of ``terms`` in ``<mark>``."""
    spans = []
    for term in terms:
        start = text.find(term) if term else -1
        if start >= 0 and not any(s < start + len(term) and start < e for s, e in spans):
            spans.append((start, start + len(term)))
    out, position = [], 0
    for start, end in sorted(spans):
        out += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
