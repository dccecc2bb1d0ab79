/** Vietnamese texts of printable documents and the province map. */
export const documentsVi = {
  button: 'In / PDF',
  label: 'Văn bản in được',
  view: 'Xem bản in (HTML)',
  pdfVi: 'Tải PDF tiếng Việt',
  pdfEn: 'Tải PDF tiếng Anh',
  periodic: {
    button: 'Báo cáo định kỳ',
    label: 'Báo cáo theo Thông tư 20/2017 (Mẫu số 05)',
    half: 'Sáu tháng {{half}}/{{year}}',
    year: 'Cả năm {{year}}',
  },
};

/** Vietnamese texts of the geographic province map. */
export const mapVi = {
  label: 'Bản đồ 34 tỉnh, thành phố',
  province: '{{name}}: {{value}}',
  none: 'không có',
  targeted: 'Tỉnh, thành phố được cảnh báo',
  targetedTile: '{{name}}: được cảnh báo',
  notTargeted: '{{name}}: không thuộc đối tượng',
  nationwide: 'Cảnh báo áp dụng toàn quốc.',
  switchToGrid: 'Dạng ô',
  switchToMap: 'Bản đồ',
  credit: 'Ranh giới sau sáp nhập 01/7/2025: vietnamese-provinces-database (MIT), từ bản đồ sapnhap.bando.com.vn',
  loading: 'Đang tải bản đồ…',
};
