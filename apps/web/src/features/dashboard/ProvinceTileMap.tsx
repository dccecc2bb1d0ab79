import { Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatsCount } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { activityLevel, GRID_SIZE, PROVINCE_TILES } from './provinceGrid.ts';

/** Sequential scale, pale to deep indigo (calm, readable by people with the common colour deficiencies). */
const FILL = ['var(--mantine-color-gray-1)', '#dbe4ff', '#bac8ff', '#91a7ff', '#5c7cfa', '#3b5bdb'];
const INK = (level: number) => (level >= 4 ? '#fff' : 'var(--mantine-color-dark-7)');

/**
 * The 34 provinces as a tile grid coloured by occurrences; each tile is a link to the province's page,
 * reachable by Tab, with the counts in its tooltip and accessible name (`describe` words them otherwise,
 * e.g. organisations of a campaign, some withheld as "fewer than 3").
 */
export function ProvinceTileMap(props: {
  byProvince: StatsCount[];
  name: (code: string) => string;
  linkTo: (code: string) => string;
  selected?: string;
  describe?: (code: string, name: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts = new Map(props.byProvince.map((p) => [p.key, p]));
  const max = Math.max(0, ...props.byProvince.map((p) => p.occurrences));
  return (
    <Box>
      <Box
        role="list"
        aria-label={t('dashboard.map.title')}
        data-testid="province-map"
        style={{ display: 'grid', gridTemplateColumns: `repeat(${GRID_SIZE.cols}, minmax(52px, 1fr))`, gridTemplateRows: `repeat(${GRID_SIZE.rows}, 34px)`, gap: 3 }}
      >
        {PROVINCE_TILES.map(({ code, row, col }) => {
          const c = counts.get(code);
          const level = activityLevel(c?.occurrences ?? 0, max);
          const name = props.name(code);
          const summary = props.describe?.(code, name) ?? t('dashboard.map.tile', { name, alerts: fmt.number(c?.alerts ?? 0), occurrences: fmt.number(c?.occurrences ?? 0) });
          return (
            <Tooltip key={code} label={summary} openDelay={150} withArrow fz="xs">
              <UnstyledButton
                component={Link}
                to={props.linkTo(code)}
                role="listitem"
                aria-label={summary}
                data-testid="province-tile"
                data-code={code}
                data-level={level}
                style={{
                  gridRow: row + 1,
                  gridColumn: col + 1,
                  background: FILL[level],
                  color: INK(level),
                  borderRadius: 3,
                  outline: props.selected === code ? '2px solid var(--mantine-color-orange-6)' : undefined,
                  fontSize: 10,
                  lineHeight: 1.1,
                  padding: '2px 3px',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  textAlign: 'center',
                  overflow: 'hidden',
                }}
              >
                {name}
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </Box>
      <Group gap={3} mt="xs" wrap="nowrap" aria-label={t('dashboard.map.legend')}>
        <Text size="xs" c="dimmed" mr={4}>
          {t('dashboard.map.legend')}
        </Text>
        <Text size="xs" c="dimmed">
          {fmt.number(max > 0 ? 1 : 0)}
        </Text>
        {FILL.slice(1).map((color) => (
          <Box key={color} w={14} h={10} style={{ background: color, borderRadius: 2 }} />
        ))}
        <Text size="xs" c="dimmed">
          {fmt.number(max)}
        </Text>
      </Group>
    </Box>
  );
}
