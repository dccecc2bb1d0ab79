import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALERTS_DIR, sampleExists, wazuhAlertSamples } from './samples.ts';

describe('sample data access', () => {
  it('resolves fixtures/public/alerts from the package', () => {
    expect(fileURLToPath(ALERTS_DIR)).toMatch(/\/fixtures\/public\/alerts\/$/);
    expect(sampleExists('wazuh/cases_integratord_read_valid_json_alerts.yaml')).toBe(true);
  });

  it('unfolds the YAML alert_sample strings into one JSON line each', () => {
    const [valid] = wazuhAlertSamples('wazuh/cases_integratord_read_valid_json_alerts.yaml');
    expect(valid!.name).toBe('read_valid_json_alert');
    const alert = JSON.parse(valid!.alert);
    expect(alert.rule.id).toBe('5712');
    expect(alert.full_log).toBe('May 11 12:29:18 localhost sshd[17584]: Invalid user paco from 172.17.1.1 port 56404');
  });
});
