import { describe, expect, it } from 'vitest';
import type { ClassificationAnswers } from '@lachan/contracts';
import { classify } from './classification.ts';

const internal = (dataClasses: ClassificationAnswers['dataClasses']): ClassificationAnswers => ({ functionType: 'internal_operations', dataClasses });

describe('the Decree 85 classification guide', () => {
  it('puts an internal system with only public information at level 1 (Art. 7)', () => {
    const r = classify([internal(['public'])]);
    expect(r).toMatchObject({ level: 1, criticalSuggested: false, approvalAuthority: 'owner_it_unit' });
    expect(r.reasons[0]).toMatchObject({ code: 'internal_public_only', article: 'Decree 85 Art. 7', unconfirmed: false });
  });

  it('puts an internal system with personal data at level 2 (Art. 8)', () => {
    expect(classify([internal(['public', 'personal'])]).reasons[0]).toMatchObject({ level: 2, code: 'internal_private_data' });
  });

  it('draws the personal-data line at 10,000 users', () => {
    const service = (users: number): ClassificationAnswers => ({ functionType: 'public_services', dataClasses: ['personal'], personalDataUsers: users });
    expect(classify([service(9_999)]).level).toBe(2);
    const many = classify([service(10_000)]);
    expect(many.level).toBe(3);
    expect(many.reasons[0]).toMatchObject({ code: 'personal_data_many_users', params: { users: 10_000, threshold: 10_000 }, unconfirmed: true });
  });

  it('raises state secrets to 3, higher secret grades to 4, and suggests the critical flag', () => {
    expect(classify([internal(['secret_confidential'])])).toMatchObject({ level: 3, criticalSuggested: true });
    expect(classify([internal(['secret_top'])]).level).toBe(4);
  });

  it('puts national sector systems and defence systems at level 5, approved by the Prime Minister', () => {
    const r = classify([{ functionType: 'infrastructure', dataClasses: ['private'], nationalSectorSystem: true, infrastructureScope: 'national' }]);
    expect(r).toMatchObject({ level: 5, criticalSuggested: true, approvalAuthority: 'prime_minister' });
    expect(r.reasons.map((x) => x.code)).toEqual(['national_sector_system']);
  });

  it('takes the highest component level, naming the component that set it', () => {
    const r = classify([{ ...internal(['public']), label: 'cổng thông tin' }, { functionType: 'industrial_control', dataClasses: [], controlledWorks: 'grade_1_or_special', label: 'SCADA' }]);
    expect(r.level).toBe(4);
    expect(r.components).toEqual([{ label: 'cổng thông tin', level: 1 }, { label: 'SCADA', level: 4 }]);
    expect(r.reasons[0]).toMatchObject({ component: 1, code: 'controls_grade_1_works' });
  });

  it('keeps a component that meets no criterion at level 1 and says so', () => {
    expect(classify([{ functionType: 'other', dataClasses: [] }]).reasons).toEqual([expect.objectContaining({ code: 'no_higher_criterion', level: 1 })]);
  });
});
