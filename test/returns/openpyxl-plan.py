"""A plan as an office keeps it, written by openpyxl: the planned output in «Kết quả», the office's own notes
in column I without a header, a drop-down on Tình trạng in the office's own words, a formula in one
Tình trạng cell, headers styled (bold, filled, bordered).

Usage: python3 openpyxl-plan.py OUT.xlsx TASKS.json
TASKS.json: [{"stt", "content", "head", "lead", "support", "result", "deadline", "status", "formula"?, "note"?}]
"""
import json
import sys

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

HEADER = [
    "STT",
    "Nội dung công việc",
    "Người đứng đầu chịu trách nhiệm",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Kết quả",
    "Thời gian hoàn thành",
    "Tình trạng",
]
WORDS = "Chưa triển khai,Đang triển khai,Hoàn thành,Tạm dừng"


def main():
    out, tasks_file = sys.argv[1], sys.argv[2]
    with open(tasks_file, encoding="utf-8") as f:
        tasks = json.load(f)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PL1 - Trọng tâm"
    ws["A1"] = "PHỤ LỤC I"
    ws["A2"] = "NHIỆM VỤ TRỌNG TÂM NĂM 2026"
    thin = Side(style="thin")
    for c, label in enumerate(HEADER, start=1):
        cell = ws.cell(4, c, label)
        cell.font = Font(name="Times New Roman", bold=True, size=12)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.cell(5, 1, "I")
    ws.cell(5, 2, "Hạ tầng số")
    row = 6
    for t in tasks:
        values = [t["stt"], t["content"], t["head"], t["lead"], t["support"], t["result"], t["deadline"]]
        for c, v in enumerate(values, start=1):
            ws.cell(row, c, v)
        ws.cell(row, 8, t["formula"] if t.get("formula") else t["status"])
        if t.get("note"):
            ws.cell(row, 9, t["note"])
        row += 1
    dv = DataValidation(type="list", formula1='"' + WORDS + '"', allow_blank=True)
    dv.add("H6:H%d" % (row + 20))
    ws.add_data_validation(dv)
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["I"].width = 30
    wb.save(out)


if __name__ == "__main__":
    main()
