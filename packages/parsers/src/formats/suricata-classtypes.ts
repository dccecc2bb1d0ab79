import { normaliseRsit, type Rsit } from '../rsit.ts';

/**
 * Suricata/Snort classtypes (classification.config: short name and the long name EVE writes in
 * `alert.category`) → RSIT v1003 class/type. Choices:
 *
 * | classtype (long name)                                   | RSIT                                         |
 * |---------------------------------------------------------|----------------------------------------------|
 * | trojan-activity, command-and-control, domain-c2         | malicious-code / infected-system (the client talking to C2 is the infected one) |
 * | network-scan, attempted-recon, successful-recon-*, rpc-portmap-decode ("Information Leak") | information-gathering / scanner |
 * | social-engineering                                      | information-gathering / social-engineering   |
 * | attempted-dos, successful-dos, denial-of-service        | availability / dos                           |
 * | web-application-attack, attempted-admin, attempted-user, unsuccessful-user, shellcode-detect, system-call-detect, exploit-kit | intrusion-attempts / exploit |
 * | misc-attack, targeted-activity                          | intrusion-attempts / ids-alert               |
 * | suspicious-login, default-login-attempt                 | intrusion-attempts / brute-force             |
 * | successful-admin                                        | intrusions / privileged-account-compromise   |
 * | successful-user                                         | intrusions / unprivileged-account-compromise |
 * | credential-theft (ET: phishing pages)                   | fraud / phishing                             |
 * | coin-mining                                             | fraud / unauthorised-use-of-resources        |
 * | sdf (sensitive data)                                    | information-content-security / data-leak     |
 * | policy-violation, bad-unknown, unknown, string-detect, suspicious-filename-detect, unusual-client-port-connection, non-standard-protocol, protocol-command-decode, web-application-activity, external-ip-check, pup-activity, inappropriate-content | other / undetermined |
 * | not-suspicious, misc-activity, tcp-connection, icmp-event | other / other                              |
 */
const TABLE: Array<[string, string, string, string]> = [
  ['trojan-activity', 'a network trojan was detected', 'malicious-code', 'infected-system'],
  ['command-and-control', 'malware command and control activity detected', 'malicious-code', 'infected-system'],
  ['domain-c2', 'domain observed used for c2 detected', 'malicious-code', 'infected-system'],
  ['network-scan', 'detection of a network scan', 'information-gathering', 'scanner'],
  ['attempted-recon', 'attempted information leak', 'information-gathering', 'scanner'],
  ['successful-recon-limited', 'information leak', 'information-gathering', 'scanner'],
  ['successful-recon-largescale', 'large scale information leak', 'information-gathering', 'scanner'],
  ['rpc-portmap-decode', 'decode of an rpc query', 'information-gathering', 'scanner'],
  ['social-engineering', 'possible social engineering attempted', 'information-gathering', 'social-engineering'],
  ['attempted-dos', 'attempted denial of service', 'availability', 'dos'],
  ['successful-dos', 'denial of service', 'availability', 'dos'],
  ['denial-of-service', 'detection of a denial of service attack', 'availability', 'dos'],
  ['web-application-attack', 'web application attack', 'intrusion-attempts', 'exploit'],
  ['attempted-admin', 'attempted administrator privilege gain', 'intrusion-attempts', 'exploit'],
  ['attempted-user', 'attempted user privilege gain', 'intrusion-attempts', 'exploit'],
  ['unsuccessful-user', 'unsuccessful user privilege gain', 'intrusion-attempts', 'exploit'],
  ['shellcode-detect', 'executable code was detected', 'intrusion-attempts', 'exploit'],
  ['system-call-detect', 'a system call was detected', 'intrusion-attempts', 'exploit'],
  ['exploit-kit', 'exploit kit activity detected', 'intrusion-attempts', 'exploit'],
  ['misc-attack', 'misc attack', 'intrusion-attempts', 'ids-alert'],
  ['targeted-activity', 'targeted malicious activity was detected', 'intrusion-attempts', 'ids-alert'],
  ['suspicious-login', 'an attempted login using a suspicious username was detected', 'intrusion-attempts', 'brute-force'],
  ['default-login-attempt', 'attempt to login by a default username and password', 'intrusion-attempts', 'brute-force'],
  ['successful-admin', 'successful administrator privilege gain', 'intrusions', 'privileged-account-compromise'],
  ['successful-user', 'successful user privilege gain', 'intrusions', 'unprivileged-account-compromise'],
  ['credential-theft', 'successful credential theft detected', 'fraud', 'phishing'],
  ['coin-mining', 'crypto currency mining activity detected', 'fraud', 'unauthorised-use-of-resources'],
  ['sdf', 'sensitive data was transmitted across the network', 'information-content-security', 'data-leak'],
  ['policy-violation', 'potential corporate privacy violation', 'other', 'undetermined'],
  ['bad-unknown', 'potentially bad traffic', 'other', 'undetermined'],
  ['unknown', 'unknown traffic', 'other', 'undetermined'],
  ['string-detect', 'a suspicious string was detected', 'other', 'undetermined'],
  ['suspicious-filename-detect', 'a suspicious filename was detected', 'other', 'undetermined'],
  ['unusual-client-port-connection', 'a client was using an unusual port', 'other', 'undetermined'],
  ['non-standard-protocol', 'detection of a non-standard protocol or event', 'other', 'undetermined'],
  ['protocol-command-decode', 'generic protocol command decode', 'other', 'undetermined'],
  ['web-application-activity', 'access to a potentially vulnerable web application', 'other', 'undetermined'],
  ['external-ip-check', 'device retrieving external ip address detected', 'other', 'undetermined'],
  ['pup-activity', 'possibly unwanted program detected', 'other', 'undetermined'],
  ['inappropriate-content', 'inappropriate content was detected', 'other', 'undetermined'],
  ['not-suspicious', 'not suspicious traffic', 'other', 'other'],
  ['misc-activity', 'misc activity', 'other', 'other'],
  ['tcp-connection', 'a tcp connection was detected', 'other', 'other'],
  ['icmp-event', 'generic icmp event', 'other', 'other'],
];

const BY_NAME = new Map<string, Rsit>();
for (const [short, long, cls, type] of TABLE) {
  const rsit = normaliseRsit(cls, type);
  BY_NAME.set(short, rsit);
  BY_NAME.set(long, rsit);
}

/** RSIT of a classtype given by its long name (EVE `alert.category`) or short name; nulls if unknown. */
export function rsitOfClasstype(category: string | null): Rsit {
  if (category === null) return { rsitClass: null, rsitType: null };
  return BY_NAME.get(category.trim().toLowerCase()) ?? { rsitClass: null, rsitType: null };
}
