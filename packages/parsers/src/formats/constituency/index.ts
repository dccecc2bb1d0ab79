export { parseConstituency } from './parse.ts';
export { splitConstituencyReport, reportOfFilename, ABUSE_CH_COLUMNS, REPORT_TYPE, type ReportInput, type CsvMappingInput } from './split.ts';
export { CONSTITUENCY_FEEDS, MAPPED_FIELDS, constituencyFacts, type ConstituencyFeed, type ConstituencyRecord, type MappedField, type MappingFacts } from './record.ts';
export { SHADOWSERVER_REPORTS } from './shadowserver-reports.ts';
export { readCsv } from './csv.ts';
