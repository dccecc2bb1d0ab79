/** A warning as documents for other systems: CSAF 2.0 and a STIX 2.1 report bundle. */
export { toCsaf, type CsafPublisher } from './warning-csaf.ts';
export { toStixBundle } from './warning-stix.ts';
