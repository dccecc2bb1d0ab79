/** Vietnamese strings of the console frame: the shortcut help. */
export const shellVi = {
  shortcuts: {
    title: 'Phím tắt',
    open: 'Phím tắt (?)',
    help: 'Mở bảng phím tắt này',
    search: 'Tìm kiếm (trang này hoặc danh bạ)',
    goTo: 'Mở {{page}}',
    listNext: 'Dòng tiếp theo / trước đó trong danh sách',
    listOpen: 'Mở dòng đang chọn',
    close: 'Đóng',
  },
};
