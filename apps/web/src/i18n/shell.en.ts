/** English strings of the console frame (en.ts checks them against the Vietnamese keys). */
export const shellEn = {
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Shortcuts (?)',
    help: 'Open this list of shortcuts',
    search: 'Search (this page or the directory)',
    goTo: 'Open {{page}}',
    listNext: 'Next / previous row of a list',
    listOpen: 'Open the selected row',
    close: 'Close',
  },
};
