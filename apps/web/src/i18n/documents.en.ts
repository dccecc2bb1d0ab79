/** English texts of printable documents and the province map. */
export const documentsEn = {
  button: 'Print / PDF',
  label: 'Printable document',
  view: 'View print version (HTML)',
  pdfVi: 'Download PDF in Vietnamese',
  pdfEn: 'Download PDF in English',
  periodic: {
    button: 'Periodic report',
    label: 'Report under Circular 20/2017 (Form 05)',
    half: 'Half-year {{half}}/{{year}}',
    year: 'Year {{year}}',
  },
};

/** English texts of the geographic province map. */
export const mapEn = {
  label: 'Map of the 34 provinces',
  province: '{{name}}: {{value}}',
  none: 'none',
  targeted: 'Provinces addressed by the warning',
  targetedTile: '{{name}}: addressed',
  notTargeted: '{{name}}: not addressed',
  nationwide: 'The warning applies nationwide.',
  switchToGrid: 'Tiles',
  switchToMap: 'Map',
  credit: 'Boundaries after the 1 July 2025 merger: vietnamese-provinces-database (MIT), from the sapnhap.bando.com.vn map',
  loading: 'Loading the map…',
};
