/**
 * What the report document prints when Cài đặt leaves a field empty (its own small module: the settings
 * view shows these in the task pane's first bundle, without the document's prose).
 */
export const reportDocDefaults = {
  /** The chair signs for the committee (Nghị định 30/2020/NĐ-CP); a vice-chair's block is "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". */
  signerTitle: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
  /** The usual recipients, in the words of the commune's kind ("xã", "phường", "đặc khu"). */
  recipients: (kind = "xã") => [
    `Thường trực Đảng ủy ${kind}`,
    `Thường trực HĐND ${kind}`,
    `Chủ tịch, các Phó Chủ tịch UBND ${kind}`,
    `Các cơ quan, đơn vị thuộc UBND ${kind}`,
  ],
  archive: "VT, VHXH",
};
