"""Edit units' copies the way a script using openpyxl would: load, apply the edits, save.

Usage: python3 openpyxl-edit.py JOBS.json
JOBS.json: [{"in": path, "out": path, "ops": [op, ...]}, ...] (test/returns/tool-returns.ts writes it).
Each op is one of:
  {"op": "set", "sheet", "cell", "value"}            value: text, number, null, or {"date": "YYYY-MM-DD"}
  {"op": "unmerge", "sheet", "range"}
  {"op": "order", "sheet", "start", "rows": [...]}   rows start.. get the content of these rows, in this order
  {"op": "insert", "sheet", "at", "values": [...]}   one row inserted before row `at` (merges shifted with it)
  {"op": "hide", "sheet", "cols": [1, 3]}
  {"op": "rename", "sheet", "to"}
  {"op": "remove", "sheet"}
"""
import copy
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def value_of(v):
    if isinstance(v, dict) and "date" in v:
        y, m, d = (int(x) for x in v["date"].split("-"))
        return datetime.datetime(y, m, d)
    return v


def set_cell(ws, cell, v):
    c = ws[cell]
    c.value = value_of(v)
    if isinstance(v, dict):
        c.number_format = "dd/mm/yyyy"


def order_rows(ws, start, rows):
    width = ws.max_column
    saved = []
    for r in rows:
        saved.append([(ws.cell(r, c).value, copy.copy(ws.cell(r, c)._style)) for c in range(1, width + 1)])
    for i, cells in enumerate(saved):
        for c, (v, style) in enumerate(cells, start=1):
            cell = ws.cell(start + i, c)
            cell.value = v
            cell._style = style


def insert_row(ws, at, values):
    ws.insert_rows(at, 1)
    # openpyxl moves the cells but not the merged areas: shift them as a careful script does.
    for mr in list(ws.merged_cells.ranges):
        if mr.min_row >= at:
            mr.shift(0, 1)
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            if rng.min_row >= at:
                rng.shift(0, 1)
    for c, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(at, c).value = value_of(v)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    for job in jobs:
        wb = openpyxl.load_workbook(job["in"])
        for op in job["ops"]:
            ws = wb[op["sheet"]]
            kind = op["op"]
            if kind == "set":
                set_cell(ws, op["cell"], op["value"])
            elif kind == "unmerge":
                ws.unmerge_cells(op["range"])
            elif kind == "order":
                order_rows(ws, op["start"], op["rows"])
            elif kind == "insert":
                insert_row(ws, op["at"], op["values"])
            elif kind == "hide":
                for c in op["cols"]:
                    ws.column_dimensions[get_column_letter(c)].hidden = True
            elif kind == "rename":
                ws.title = op["to"]
            elif kind == "remove":
                wb.remove(ws)
            else:
                raise ValueError("unknown op " + kind)
        wb.save(job["out"])


if __name__ == "__main__":
    main()
