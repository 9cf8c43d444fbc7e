"""The open data files: every measure and every policy, as JSON (with a JSON Schema) and CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema

from .links import url_path
from .model import Catalog
from .rendering.markdown import plain

MEASURE_FIELDS = ["id", "report_year", "year", "kind", "area", "section", "subsection", "ordinal", "text", "text_en",
                  "url", "url_en", "policies", "figures", "outcome"]
POLICY_FIELDS = ["id", "title", "official_title", "aliases", "issuer", "level", "doc_number", "dates", "verified",
                 "url", "url_en", "cited_by"]


def measure_records(catalog: Catalog) -> list[dict]:
    return [{
        "id": m.id, "report_year": m.report_year, "year": m.year, "kind": m.kind, "area": m.area,
        "section": m.section, "subsection": m.subsection, "ordinal": m.ordinal, "text": m.text, "text_en": plain(m.text_en),
        "url": f"/{url_path(m.page)}#{m.anchor}", "url_en": f"/en/{url_path(m.page_en or m.page)}#{m.anchor}",
        "policies": m.policies,
        "figures": [{"value": f.value, "unit": f.unit, "qualifier": "".join(f.qualifiers), "text": f.text, "context": f.context}
                    for f in m.figures],
        "outcome": m.outcome,
    } for m in catalog.measures]


def policy_records(catalog: Catalog) -> list[dict]:
    return [{
        "id": p.id, "title": p.title, "official_title": p.official_title, "aliases": p.meta.get("aliases", []),
        "issuer": p.fact("issuer"), "level": p.meta["level"], "doc_number": p.fact("doc_number"),
        "dates": [{"label": d["label"], "value": d["value"]} for d in p.meta.get("dates", [])],
        "verified": p.meta["verified"], "url": f"/{url_path(p.page)}", "url_en": f"/en/{url_path(p.page)}",
        "cited_by": p.cited_by,
    } for p in catalog.policies.values()]


def to_csv(records: list[dict], fields: list[str]) -> str:
    """Lists become ';'-joined cells; figures and dates become their text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for r in records:
        row = {}
        for k in fields:
            v = r[k]
            if isinstance(v, dict):  # outcome
                v = v["status"] + (" (" + ";".join(v["reported_by"]) + ")" if v["reported_by"] else "")
            if isinstance(v, list):
                v = ";".join(x["text"] if isinstance(x, dict) and "text" in x else
                             f"{x['label']} {x['value']}" if isinstance(x, dict) else str(x) for x in v)
            row[k] = "" if v is None else v
        writer.writerow(row)
    return out.getvalue()


def write_open_data(catalog: Catalog, out: Path, schemas: Path, check: bool = True) -> None:
    """The files, each record checked against its schema unless ``check`` is off (a preview: the
    build and CI check them)."""
    out.mkdir(parents=True, exist_ok=True)
    for name, records, fields in (("measures", measure_records(catalog), MEASURE_FIELDS),
                                  ("policies", policy_records(catalog), POLICY_FIELDS)):
        schema = json.loads((schemas / f"{name}.schema.json").read_text("utf-8"))
        if check:
            jsonschema.validate(records, schema)  # a record that breaks its schema is a bug here, not bad content
        (out / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8")
        # utf-8-sig: Excel, which many readers open CSV with, needs the BOM to read Chinese.
        (out / f"{name}.csv").write_text(to_csv(records, fields), "utf-8-sig")
        shutil.copyfile(schemas / f"{name}.schema.json", out / f"{name}.schema.json")
