import { useState } from 'react';
import { Button, Group, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '@lachan/contracts';
import { Section } from '../../components/Section.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useManualInject } from './exercises.api.ts';

/** The white team adds a message inject during the run, for some teams or all; it arrives at once. */
export function ManualInjectForm({ exercise: e }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [teams, setTeams] = useState<string[]>([]);
  const add = useManualInject(e.id, t('exercises.manualAdded'));
  const submit = () => {
    const text = (s: string) => ({ vi: s, en: s });
    add.mutate({
      inject: { key: `manual-${Date.now().toString(36)}`, offsetMinutes: 0, kind: 'message', title: text(subject), message: { from, subject: text(subject), body: text(body) }, expectations: [] },
      ...(teams.length ? { teamOrgIds: teams } : {}),
    }, { onSuccess: () => { setSubject(''); setBody(''); } });
  };
  return (
    <Section title={t('exercises.manualInject')} testId="manual-inject">
      <Stack gap="xs">
        <Group grow>
          <TextInput size="xs" label={t('exercises.manualFrom')} value={from} onChange={(x) => setFrom(x.currentTarget.value)} />
          <TextInput size="xs" label={t('exercises.manualSubject')} value={subject} onChange={(x) => setSubject(x.currentTarget.value)} />
        </Group>
        <Textarea size="xs" label={t('exercises.manualBody')} value={body} onChange={(x) => setBody(x.currentTarget.value)} autosize minRows={2} />
        <MultiSelect size="xs" label={t('exercises.manualTeams')} data={e.teams.map((x) => ({ value: x.orgId, label: x.name }))} value={teams} onChange={setTeams} />
        {add.error && <ErrorAlert error={add.error} />}
        <Group justify="flex-end">
          <Button size="xs" disabled={!from.trim() || !subject.trim() || !body.trim()} loading={add.isPending} onClick={submit}>{t('exercises.manualInject')}</Button>
        </Group>
      </Stack>
    </Section>
  );
}
