import { useQuery } from '@tanstack/react-query';
import type {
  OrgLink, OrgLinkCreate, PromotionRule, PromotionRuleCreate, PromotionRulePatch, PromotionRulePreview, PromotionRulePreviewBody,
  ReportingRegime, ReportingRegimeCreate, ReportingRegimePatch, Retention, RetentionPatch, WarningPolicy, WarningPolicyCreate,
} from '@lachan/contracts';
import { api } from '../../api/client.ts';

/** Query keys of the settings pages; rules and regimes share the incidents feature's keys, so both refresh. */
export const settingsKeys = {
  rules: ['promotion-rules'] as const,
  regimes: ['incidents', 'regimes'] as const,
  policies: ['settings', 'warning-policies'] as const,
  links: ['settings', 'org-links'] as const,
  retention: ['settings', 'retention'] as const,
};

/** GET /promotion-rules */
export const usePromotionRuleList = () => useQuery({ queryKey: settingsKeys.rules, queryFn: () => api.get<PromotionRule[]>('/promotion-rules') });
/** GET /reporting-regimes */
export const useRegimeList = () => useQuery({ queryKey: settingsKeys.regimes, queryFn: () => api.get<ReportingRegime[]>('/reporting-regimes') });
/** GET /warning-policies (the centre's) */
export const useWarningPolicies = (enabled: boolean) =>
  useQuery({ queryKey: settingsKeys.policies, queryFn: () => api.get<WarningPolicy[]>('/warning-policies'), enabled });
/** GET /org-links */
export const useOrgLinks = () => useQuery({ queryKey: settingsKeys.links, queryFn: () => api.get<OrgLink[]>('/org-links') });

/** Writes of the settings pages, one per endpoint. */
export const settingsApi = {
  createRule: (body: PromotionRuleCreate) => api.post<PromotionRule>('/promotion-rules', body),
  updateRule: ({ id, patch }: { id: string; patch: PromotionRulePatch }) => api.patch<PromotionRule>(`/promotion-rules/${id}`, patch),
  previewRule: (body: PromotionRulePreviewBody) => api.post<PromotionRulePreview>('/promotion-rules/preview', body),
  createPolicy: (body: WarningPolicyCreate) => api.post<WarningPolicy>('/warning-policies', body),
  deletePolicy: (id: string) => api.delete<WarningPolicy>(`/warning-policies/${id}`),
  createRegime: (body: ReportingRegimeCreate) => api.post<ReportingRegime>('/reporting-regimes', body),
  updateRegime: ({ id, patch }: { id: string; patch: ReportingRegimePatch }) => api.patch<ReportingRegime>(`/reporting-regimes/${id}`, patch),
  createLink: (body: OrgLinkCreate) => api.post<OrgLink>('/org-links', body),
  deleteLink: (id: string) => api.delete<OrgLink>(`/org-links/${id}`),
  setRetention: (body: RetentionPatch) => api.put<Retention>('/retention', body),
};
