import { describe, expect, it } from 'vitest';
import { conditionParts, conditionsOf, EMPTY_RULE, valuesOf } from './ruleForm.ts';

describe('the promotion rule form', () => {
  it('sends only what was filled in, and a count only with its threshold and window', () => {
    expect(conditionsOf(EMPTY_RULE)).toEqual({ group: { by: ['signature'] } });
    const c = conditionsOf({ ...EMPTY_RULE, minSeverity: '3', attack: ['t1190'], countThreshold: 10, countWindow: '', groupBy: ['attacker'], groupWindow: 60 });
    expect(c).toEqual({ minSeverity: 3, attack: ['T1190'], group: { by: ['attacker'], windowMinutes: 60 } });
  });

  it('fills the form back from a stored rule, and summarises its conditions', () => {
    const conditions = { minSeverity: 4, rsitClasses: ['intrusions'], count: { threshold: 5, windowMinutes: 10 }, group: { by: ['asset' as const] } };
    expect(conditionsOf(valuesOf({ name: 'x', orgId: null, conditions }))).toEqual(conditions);
    expect(conditionParts(conditions).map((p) => p.key)).toEqual(['minSeverity', 'rsit', 'count']);
  });
});
