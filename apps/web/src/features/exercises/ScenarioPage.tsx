import { useEffect, useState } from 'react';
import { Button, Grid, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScenarioDocument } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { ApiError } from '../../api/client.ts';
import { useImportScenario, useSaveScenario, useScenario } from './exercises.api.ts';
import { usePick } from './labels.ts';
import { ScenarioTimeline } from './ScenarioTimeline.tsx';

/** The scenario editor: the timeline view beside the JSON document, checked by the server on save (templates: import a copy). */
export function ScenarioPage() {
  const { id = '' } = useParams();
  const query = useScenario(id);
  return <QueryState query={query}>{(s) => <ScenarioEditor key={s.updatedAt} id={s.id} template={s.template} doc={s.document} />}</QueryState>;
}

function ScenarioEditor({ id, template, doc }: { id: string; template: boolean; doc: ScenarioDocument }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const [text, setText] = useState(() => JSON.stringify(doc, null, 1));
  const [parsed, setParsed] = useState<ScenarioDocument | null>(doc);
  useEffect(() => {
    try {
      setParsed(JSON.parse(text) as ScenarioDocument);
    } catch {
      setParsed(null);
    }
  }, [text]);
  const save = useSaveScenario(id, t('exercises.saved'));
  const copy = useImportScenario(t('exercises.imported'));
  const error = save.error ?? copy.error;
  const problems = error instanceof ApiError ? ((error.details as { problems?: { path: string; message: string }[] } | undefined)?.problems ?? []) : [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">{pick(doc.title)}</Title>
        <Group gap="xs">
          {template ? (
            <Button size="xs" loading={copy.isPending} disabled={!parsed} data-testid="scenario-copy"
              onClick={() => parsed && copy.mutate({ ...parsed, key: `${parsed.key}-copy` }, { onSuccess: (s) => void navigate(`/exercises/scenarios/${s.id}`) })}>
              {t('exercises.copy')}
            </Button>
          ) : (
            <Button size="xs" loading={save.isPending} disabled={!parsed} onClick={() => parsed && save.mutate(parsed)} data-testid="scenario-save">{t('common.save')}</Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">{pick(doc.summary)}</Text>
      {error && (
        <Stack gap={2} data-testid="scenario-problems">
          <Text c="red" size="sm">{problems.length ? t('exercises.problems') : error.message}</Text>
          <List size="xs">{problems.map((p) => <List.Item key={p.path}>{p.path}: {p.message}</List.Item>)}</List>
        </Stack>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('exercises.timeline')}>{parsed ? <ScenarioTimeline doc={parsed} /> : <Text c="red" size="sm">{t('exercises.badJson')}</Text>}</Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Section title={t('exercises.editor')}>
            <Text size="xs" c="dimmed" mb="xs">{t('exercises.editorHint')}</Text>
            <Textarea value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={20} maxRows={40} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              data-testid="scenario-json" aria-label={t('exercises.editor')} />
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
