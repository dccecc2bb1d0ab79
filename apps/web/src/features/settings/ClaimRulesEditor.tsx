import { ActionIcon, Button, Group, Paper, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CLAIM_OPERATORS, USER_ROLES, type ClaimOperator, type ClaimRule } from '@lachan/contracts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';

/** A rule while it is edited: the organisation may not be chosen yet. */
export type DraftRule = Omit<ClaimRule, 'orgId'> & { orgId: string | null };

export const EMPTY_DRAFT_RULE: DraftRule = { claim: 'groups', operator: 'in', values: [], orgId: null, role: 'viewer' };

/** The ordered claim-mapping rules of a provider: each row claim, match, values, organisation, role; moved up and down. */
export function ClaimRulesEditor({ rules, onChange }: { rules: DraftRule[]; onChange: (rules: DraftRule[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<DraftRule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          {t('federation.rules.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('federation.rules.help')}
        </Text>
      </div>
      {rules.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('federation.rules.none')}
        </Text>
      )}
      {rules.map((r, i) => (
        <Paper key={i} withBorder p="xs" data-testid="claim-rule">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Text size="sm" fw={600} w={20} mb={6}>
              {i + 1}.
            </Text>
            <TextInput size="xs" w={140} label={t('federation.rules.claim')} value={r.claim} onChange={(e) => set(i, { claim: e.currentTarget.value })} required data-testid="rule-claim" />
            <Select
              size="xs"
              w={140}
              label={t('federation.rules.operator')}
              data={CLAIM_OPERATORS.map((o) => ({ value: o, label: t(`federation.rules.operators.${o}`) }))}
              value={r.operator}
              onChange={(v) => set(i, { operator: (v ?? 'in') as ClaimOperator })}
              allowDeselect={false}
              data-testid="rule-operator"
            />
            <TagsInput size="xs" w={200} label={t('federation.rules.values')} value={r.values} onChange={(values) => set(i, { values })} required data-testid="rule-values" />
            <div style={{ width: 220 }}>
              <OrgPicker size="xs" label={t('federation.rules.org')} value={r.orgId} onChange={(orgId) => set(i, { orgId })} required clearable={false} testId="rule-org" />
            </div>
            <Select
              size="xs"
              w={170}
              label={t('federation.rules.role')}
              data={USER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={r.role}
              onChange={(v) => set(i, { role: (v ?? 'viewer') as DraftRule['role'] })}
              allowDeselect={false}
              data-testid="rule-role"
            />
            <Group gap={4} mb={4}>
              <ActionIcon variant="subtle" aria-label={t('federation.rules.up')} disabled={i === 0} onClick={() => move(i, -1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" aria-label={t('federation.rules.down')} disabled={i === rules.length - 1} onClick={() => move(i, 1)}>
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('federation.rules.remove')} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...rules, { ...EMPTY_DRAFT_RULE }])} data-testid="rule-add">
          {t('federation.rules.add')}
        </Button>
      </Group>
    </Stack>
  );
}
