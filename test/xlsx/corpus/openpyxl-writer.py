"""
The corpus's openpyxl workbooks (run by test/xlsx/corpus/build.ts with Debian's python3-openpyxl):
the same appendix as every corpus file, plus a chart, a chart sheet, a legacy comment, a table, a data
validation, a hyperlink and a hidden sheet; once in the 1900 and once in the 1904 date system.
Usage: python3 openpyxl-writer.py OUT_DIR
"""
import sys, datetime
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.utils.datetime import CALENDAR_MAC_1904
out = sys.argv[1]
HEADER = ["STT","Nội dung công việc","Người đứng đầu chịu trách nhiệm","Cơ quan chủ trì","Cơ quan phối hợp","Kết quả","Thời gian hoàn thành","Tình trạng","Ngày hoàn thành","Ghi chú"]
TASKS = [
  [1,"Rà soát thủ tục hành chính","Chủ tịch UBND xã","Phòng Văn hóa - Xã hội","Các đơn vị liên quan","Báo cáo",datetime.date(2026,6,30),"Đã hoàn thành",datetime.date(2026,6,20),None],
  [2,"Số hóa hồ sơ","Chủ tịch UBND xã","Công an xã","","Kế hoạch","Quý II/2026","Đang thực hiện",None,"ghi chú"],
  [3,"Cập nhật cổng thông tin","Phó Chủ tịch","Phòng Kin tế","","Báo cáo","Tháng 13/2026","",None,None],
]
def appendix(ws):
    ws["A1"] = "PHỤ LỤC I"
    ws["A2"] = "NHIỆM VỤ TRỌNG TÂM NĂM 2026"
    for j,h in enumerate(HEADER): ws.cell(row=4, column=j+1, value=h)
    ws.cell(row=5, column=1, value="I"); ws.cell(row=5, column=2, value="Nhóm nhiệm vụ")
    ws.merge_cells(start_row=5, start_column=2, end_row=5, end_column=10)
    for i,t in enumerate(TASKS):
        for j,v in enumerate(t):
            c = ws.cell(row=6+i, column=j+1, value=v)
            if isinstance(v, datetime.date): c.number_format = "dd/mm/yyyy"
def rich(path, epoch=None):
    wb = Workbook()
    if epoch: wb.epoch = epoch
    ws = wb.active; ws.title = "PL I"
    appendix(ws)
    ws["D6"].comment = Comment("Ghi chú của người dùng", "Cán bộ")
    dv = DataValidation(type="list", formula1='"Đã hoàn thành,Đang thực hiện"', allow_blank=True)
    ws.add_data_validation(dv); dv.add("H6:H8")
    ws["L1"] = "trang web"; ws["L1"].hyperlink = "https://example.org/x"
    data = wb.create_sheet("Số liệu")
    rows = [["Đơn vị","Hoàn thành","Quá hạn"],["Phòng VH-XH",3,1],["Công an xã",2,0],["Phòng Kinh tế",1,2]]
    for r in rows: data.append(r)
    tab = Table(displayName="BangSoLieu", ref="A1:C4"); data.add_table(tab)
    ch = BarChart(); ch.type = "bar"; ch.grouping = "stacked"; ch.overlap = 100; ch.title = "Biểu đồ"
    ch.add_data(Reference(data, min_col=2, min_row=1, max_col=3, max_row=4), titles_from_data=True)
    ch.set_categories(Reference(data, min_col=1, min_row=2, max_row=4))
    data.add_chart(ch, "E2")
    cs = wb.create_chartsheet("Biểu đồ riêng")
    ch2 = BarChart(); ch2.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    cs.add_chart(ch2)
    hidden = wb.create_sheet("Nháp"); hidden["A1"] = "tạm"; hidden.sheet_state = "hidden"
    wb.save(path)
rich(out + "/openpyxl.xlsx")
rich(out + "/openpyxl-1904.xlsx", CALENDAR_MAC_1904)
