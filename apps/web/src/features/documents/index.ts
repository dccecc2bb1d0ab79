export { DocumentMenu } from './DocumentMenu.tsx';
export { PeriodicReportMenu } from './PeriodicReportMenu.tsx';
export { documentLinks, reportPeriods } from './documentLinks.ts';
