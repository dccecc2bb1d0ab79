import { Anchor, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SimilarIncident } from '@lachan/contracts';

/** A similar incident's title: a link when the reader may open it, else plain text saying it was shared with the community. */
export function SimilarTitle({ similar: s, lineClamp }: { similar: SimilarIncident; lineClamp?: number }) {
  const { t } = useTranslation();
  if (s.readable) {
    return (
      <Anchor component={Link} to={`/incidents/${s.incident.id}`} size="sm" lineClamp={lineClamp}>
        {s.incident.title}
      </Anchor>
    );
  }
  return (
    <Tooltip label={t('incidents.similar.community', { tlp: s.incident.tlp })} withArrow fz="xs">
      <Text size="sm" lineClamp={lineClamp} data-testid="similar-community">
        {s.incident.title}
      </Text>
    </Tooltip>
  );
}
