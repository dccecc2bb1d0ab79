import { useMemo, useState } from 'react';
import { Button, Checkbox, Grid, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueDetail, CatalogueDocument, CatalogueNode, LangText } from '@lachan/contracts';
import { pickText, useLoadCatalogue } from './assessments.api.ts';
import { treeOrder } from './catalogueTree.ts';
import { CatalogueProblems } from './CatalogueProblems.tsx';

const LEVELS = [1, 2, 3, 4, 5];

const toDocument = (c: CatalogueDetail): CatalogueDocument => ({
  format: 'lachan-catalogue/1', code: c.code, version: c.version, name: c.name, source: c.source, licence: c.licence, notes: c.notes,
  requirements: c.items.map((i) => ({ id: i.id, parent: i.parent, ...(i.title.vi || i.title.en ? { title: i.title } : {}), text: i.text, levels: i.levels })),
});

/** Empty strings leave the language out, as the file format wants. */
const lang = (vi: string, en: string): LangText => ({ ...(vi.trim() ? { vi: vi.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) });

/** The document as the server takes it: empty texts left out. */
const cleaned = (doc: CatalogueDocument): CatalogueDocument => ({
  ...doc,
  requirements: doc.requirements.map(({ title, ...n }) => ({ ...n, text: lang(n.text.vi ?? '', n.text.en ?? ''), ...(title && (title.vi || title.en) ? { title: lang(title.vi ?? '', title.en ?? '') } : {}) })),
});

/** Edits one requirement: id, parent, texts in both languages, the levels it applies at. */
function NodeForm({ node, onChange, onRemove }: { node: CatalogueNode; onChange: (n: CatalogueNode) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<CatalogueNode>) => onChange({ ...node, ...patch });
  return (
    <Stack gap={6} data-testid="requirement-form">
      <Group grow>
        <TextInput size="xs" label={t('assessments.catalogue.col.id')} value={node.id} onChange={(e) => set({ id: e.currentTarget.value })} data-testid="req-id" />
        <TextInput size="xs" label={t('assessments.catalogue.parent')} value={node.parent ?? ''} onChange={(e) => set({ parent: e.currentTarget.value || null })} data-testid="req-parent" />
      </Group>
      <Group grow>
        <TextInput size="xs" label={t('assessments.catalogue.titleVi')} value={node.title?.vi ?? ''} onChange={(e) => set({ title: lang(e.currentTarget.value, node.title?.en ?? '') })} />
        <TextInput size="xs" label={t('assessments.catalogue.titleEn')} value={node.title?.en ?? ''} onChange={(e) => set({ title: lang(node.title?.vi ?? '', e.currentTarget.value) })} />
      </Group>
      <Textarea size="xs" label={t('assessments.catalogue.textVi')} autosize minRows={2} value={node.text.vi ?? ''} onChange={(e) => set({ text: { ...node.text, vi: e.currentTarget.value } })} data-testid="req-text-vi" />
      <Textarea size="xs" label={t('assessments.catalogue.textEn')} autosize minRows={2} value={node.text.en ?? ''} onChange={(e) => set({ text: { ...node.text, en: e.currentTarget.value } })} data-testid="req-text-en" />
      <Group gap="sm">
        <Text size="xs">{t('assessments.catalogue.appliesAt')}</Text>
        {LEVELS.map((l) => (
          <Checkbox key={l} size="xs" label={t('assessments.levelShort', { n: l })} checked={node.levels.includes(l)} data-testid={`req-level-${l}`}
            onChange={(e) => set({ levels: e.currentTarget.checked ? [...node.levels, l].sort() : node.levels.filter((x) => x !== l) })} />
        ))}
      </Group>
      <Text size="xs" c="dimmed">{t('assessments.catalogue.groupHint')}</Text>
      <Group justify="flex-end"><Button size="compact-xs" color="red" variant="subtle" onClick={onRemove} data-testid="req-remove">{t('assessments.catalogue.removeReq')}</Button></Group>
    </Stack>
  );
}

/**
 * The centre's catalogue editor: the whole file is edited here and loaded again (same code and version
 * replace it while no campaign uses it; otherwise a new version is loaded beside it).
 */
export function CatalogueEditor({ catalogue, onClose }: { catalogue: CatalogueDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [doc, setDoc] = useState<CatalogueDocument>(() => toDocument(catalogue));
  const [selected, setSelected] = useState<number | null>(null);
  const save = useLoadCatalogue((c) => { onClose(); void navigate(`/assessments/catalogues/${c.id}`); });
  const rows = useMemo(() => treeOrder(doc.requirements.map((n, index) => ({ ...n, index }))), [doc.requirements]);
  const setNode = (i: number, n: CatalogueNode) => setDoc((d) => ({ ...d, requirements: d.requirements.map((x, j) => (j === i ? n : x)) }));
  const add = () => {
    const parent = selected !== null ? doc.requirements[selected]!.id : null;
    setDoc((d) => ({ ...d, requirements: [...d.requirements, { id: `NEW-${d.requirements.length + 1}`, parent, text: {}, levels: [1, 2, 3, 4, 5] }] }));
    setSelected(doc.requirements.length);
  };
  const remove = (i: number) => { setDoc((d) => ({ ...d, requirements: d.requirements.filter((_, j) => j !== i) })); setSelected(null); };
  const sameVersion = doc.code === catalogue.code && doc.version === catalogue.version;
  return (
    <Paper withBorder p="sm" data-testid="catalogue-editor">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput size="xs" label={t('assessments.catalogue.col.code')} value={doc.code} onChange={(e) => setDoc({ ...doc, code: e.currentTarget.value })} />
          <TextInput size="xs" label={t('assessments.catalogue.version')} value={doc.version} onChange={(e) => setDoc({ ...doc, version: e.currentTarget.value })} data-testid="catalogue-version"
            description={sameVersion && catalogue.builtIn ? t('assessments.catalogue.builtInVersion') : undefined} />
          <TextInput size="xs" label={t('assessments.catalogue.nameVi')} value={doc.name.vi ?? ''} onChange={(e) => setDoc({ ...doc, name: lang(e.currentTarget.value, doc.name.en ?? '') })} />
          <TextInput size="xs" label={t('assessments.catalogue.nameEn')} value={doc.name.en ?? ''} onChange={(e) => setDoc({ ...doc, name: lang(doc.name.vi ?? '', e.currentTarget.value) })} />
        </Group>
        <Group grow>
          <TextInput size="xs" label={t('assessments.catalogue.source')} value={doc.source} onChange={(e) => setDoc({ ...doc, source: e.currentTarget.value })} />
          <TextInput size="xs" label={t('assessments.catalogue.licence')} value={doc.licence} onChange={(e) => setDoc({ ...doc, licence: e.currentTarget.value })} />
        </Group>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ScrollArea h={460} type="auto">
              <Table fz="xs" verticalSpacing={2} highlightOnHover data-testid="editor-tree">
                <Table.Tbody>
                  {rows.map(({ node, depth }) => (
                    <Table.Tr key={node.index} onClick={() => setSelected(node.index)} bg={selected === node.index ? 'var(--mantine-color-blue-light)' : undefined} style={{ cursor: 'pointer' }} data-testid="editor-row" data-id={node.id}>
                      <Table.Td style={{ paddingLeft: 6 + depth * 12 }}>
                        <button type="button" onClick={() => setSelected(node.index)} style={{ all: 'unset', cursor: 'pointer' }}><Text span size="xs" ff="monospace">{node.id}</Text></button>
                      </Table.Td>
                      <Table.Td><Text size="xs" lineClamp={1}>{pickText(node.title, i18n.language) || pickText(node.text, i18n.language)}</Text></Table.Td>
                      <Table.Td w={70}><Text size="xs" c="dimmed">{node.levels.join(',')}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <Button size="xs" variant="light" mt="xs" onClick={add} data-testid="req-add">{selected !== null ? t('assessments.catalogue.addChild') : t('assessments.catalogue.addReq')}</Button>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            {selected !== null && doc.requirements[selected] ? (
              <NodeForm node={doc.requirements[selected]} onChange={(n) => setNode(selected, n)} onRemove={() => remove(selected)} />
            ) : <Text size="xs" c="dimmed">{t('assessments.catalogue.pickReq')}</Text>}
          </Grid.Col>
        </Grid>
        <CatalogueProblems error={save.error} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">{sameVersion ? t('assessments.catalogue.replaceHint') : t('assessments.catalogue.newVersionHint')}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button size="xs" loading={save.isPending} onClick={() => save.mutate(cleaned(doc))} data-testid="catalogue-save">{t('assessments.catalogue.save')}</Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
