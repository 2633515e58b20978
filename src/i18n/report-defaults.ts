/**
 * What the report document prints when Cài đặt leaves a field empty (its own small module: the settings
 * view shows these in the task pane's first bundle, without the document's prose).
 */
export const reportDocDefaults = {
  signerTitle: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
  recipients: ["Thường trực Đảng ủy xã", "Thường trực HĐND xã", "Chủ tịch, các Phó Chủ tịch UBND xã", "Các cơ quan, đơn vị thuộc UBND xã"],
  archive: "VT, VHXH",
};
