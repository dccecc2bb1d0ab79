import { Anchor, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SimilarIncident } from '@lachan/contracts';
import { useIncidentTitle } from '../madeTitle.ts';

/** A similar incident's title: a link when the reader may open it, else plain text saying it was shared with the community. */
export function SimilarTitle({ similar: s, lineClamp }: { similar: SimilarIncident; lineClamp?: number }) {
  const { t } = useTranslation();
  const titleOf = useIncidentTitle();
  if (s.readable) {
    return (
      <Anchor component={Link} to={`/incidents/${s.incident.id}`} size="sm" lineClamp={lineClamp}>
        {titleOf(s.incident)}
      </Anchor>
    );
  }
  return (
    <Tooltip label={t('incidents.similar.community', { tlp: s.incident.tlp })} withArrow fz="xs">
      <Text size="sm" lineClamp={lineClamp} data-testid="similar-community">
        {titleOf(s.incident)}
      </Text>
    </Tooltip>
  );
}
