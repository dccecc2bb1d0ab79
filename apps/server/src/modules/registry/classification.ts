import type { ClassificationAnswers, ClassificationReason, ClassificationResult } from '@lachan/contracts';

type Reason = Omit<ClassificationReason, 'component'>;

const SECRET = ['secret_confidential', 'secret_top', 'secret_most'];
const HIGHER_SECRET = ['secret_top', 'secret_most'];
/** Art. 8 draws the line for personal data at 10,000 users. */
export const PERSONAL_DATA_USERS_THRESHOLD = 10_000;

const reason = (level: number, code: string, article: string, params: Record<string, string | number> = {}): Reason =>
  ({ code, level, article, unconfirmed: level >= 3, params });

/**
 * The levels one component meets under Decree 85/2016 Art. 7-11, each with its reason. The domain
 * notes (shared/domain/vietnam.md §5) mark the Art. 9-11 criteria as unconfirmed: those reasons say so.
 */
function criteriaMet(a: ClassificationAnswers): Reason[] {
  const out: Reason[] = [];
  const classes = new Set(a.dataClasses);
  const secret = SECRET.some((c) => classes.has(c as never));
  const users = a.personalDataUsers ?? 0;
  const service = a.onlineServiceLevel ?? 0;
  // Level 5 (Art. 11)
  if (a.nationalSectorSystem) out.push(reason(5, 'national_sector_system', 'Decree 85 Art. 11'));
  if (a.servesDefenceSecurity) out.push(reason(5, 'serves_defence_security', 'Decree 85 Art. 11'));
  if (a.controlledWorks === 'national_security') out.push(reason(5, 'controls_national_security_works', 'Decree 85 Art. 11'));
  // Level 4 (Art. 10)
  if (a.nationalEgov247) out.push(reason(4, 'national_egov_247', 'Decree 85 Art. 10'));
  if (a.infrastructureScope === 'national') out.push(reason(4, 'nationwide_infrastructure', 'Decree 85 Art. 10'));
  if (HIGHER_SECRET.some((c) => classes.has(c as never))) out.push(reason(4, 'higher_state_secret', 'Decree 85 Art. 10'));
  if (a.controlledWorks === 'grade_1_or_special') out.push(reason(4, 'controls_grade_1_works', 'Decree 85 Art. 10'));
  // Level 3 (Art. 9)
  if (service >= 3) out.push(reason(3, 'online_service_level_3', 'Decree 85 Art. 9', { serviceLevel: service }));
  if (a.conditionalBusiness) out.push(reason(3, 'conditional_business_service', 'Decree 85 Art. 9'));
  if (users >= PERSONAL_DATA_USERS_THRESHOLD) out.push(reason(3, 'personal_data_many_users', 'Decree 85 Art. 9', { users, threshold: PERSONAL_DATA_USERS_THRESHOLD }));
  if (a.infrastructureScope === 'sector_or_province') out.push(reason(3, 'shared_infrastructure', 'Decree 85 Art. 9'));
  if (a.controlledWorks === 'grade_2_to_4') out.push(reason(3, 'controls_grade_2_4_works', 'Decree 85 Art. 9'));
  if (secret) out.push(reason(3, 'state_secret', 'Decree 85 Art. 9'));
  // Level 2 (Art. 8)
  const nonPublic = classes.has('private') || classes.has('personal');
  if (a.functionType === 'internal_operations' && nonPublic && !secret) out.push(reason(2, 'internal_private_data', 'Decree 85 Art. 8'));
  if (a.functionType === 'public_services') {
    if (service > 0 && service <= 2) out.push(reason(2, 'online_service_level_2', 'Decree 85 Art. 8', { serviceLevel: service }));
    else if (classes.has('personal') && users < PERSONAL_DATA_USERS_THRESHOLD) out.push(reason(2, 'personal_data_few_users', 'Decree 85 Art. 8', { users, threshold: PERSONAL_DATA_USERS_THRESHOLD }));
    else if (!a.conditionalBusiness) out.push(reason(2, 'online_service_not_conditional', 'Decree 85 Art. 8'));
  }
  if (a.infrastructureScope === 'one_org') out.push(reason(2, 'infrastructure_one_org', 'Decree 85 Art. 8'));
  // Level 1 (Art. 7)
  if (a.functionType === 'internal_operations' && [...classes].every((c) => c === 'public')) out.push(reason(1, 'internal_public_only', 'Decree 85 Art. 7'));
  return out;
}

/** Who appraises and approves a level (Decree 85 Art. 12; levels 4-5 per the domain notes, unconfirmed). */
export function approvalAuthority(level: number): string {
  if (level <= 2) return 'owner_it_unit';
  if (level === 3) return 'owner_after_it_unit_appraisal';
  if (level === 4) return 'ministry_appraisal';
  return 'prime_minister';
}

/**
 * Proposes a security level for a system from its components' answers: each component takes the
 * highest level whose criteria it meets, and the system the highest component level (Decree 85).
 * A component that meets no criterion stays at level 1 with a reason saying so.
 */
export function classify(components: ClassificationAnswers[]): ClassificationResult {
  const reasons: ClassificationReason[] = [];
  const levels = components.map((c, i) => {
    const met = criteriaMet(c);
    const top = met.reduce((m, r) => Math.max(m, r.level), 0);
    if (top === 0) {
      reasons.push({ ...reason(1, 'no_higher_criterion', 'Decree 85 Art. 7'), component: i });
      return { label: c.label ?? null, level: 1 };
    }
    for (const r of met) if (r.level === top) reasons.push({ ...r, component: i });
    return { label: c.label ?? null, level: top };
  });
  const level = Math.max(...levels.map((l) => l.level));
  const criticalSuggested = components.some((c) => c.nationalSectorSystem || c.servesDefenceSecurity || c.controlledWorks === 'national_security'
    || c.dataClasses.some((d) => SECRET.includes(d)));
  return { level, components: levels, reasons: reasons.sort((x, y) => y.level - x.level || x.component - y.component), criticalSuggested, approvalAuthority: approvalAuthority(level) };
}
