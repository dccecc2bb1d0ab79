import type { IncidentParts } from './incident-parts.ts';
import type { IncidentsService } from './incidents.service.ts';
import { IncidentReportsService } from './incident-reports.service.ts';
import { IncidentSharesService } from './incident-shares.service.ts';
import { IncidentCollabService } from './incident-collab.service.ts';
import { SupportRequestsService } from './support-requests.service.ts';
import { AttachmentsService } from './attachments.service.ts';
import { SimilarIncidentsService } from './similar.service.ts';
import { DecisionSupportService } from './decision-support.service.ts';

/** The incident module's services, sharing one writer (access, clock, timeline, events). */
export interface IncidentServices {
  reports: IncidentReportsService;
  shares: IncidentSharesService;
  collab: IncidentCollabService;
  support: SupportRequestsService;
  attachments: AttachmentsService;
  similar: SimilarIncidentsService;
  decision: DecisionSupportService;
}

export function createIncidentServices(parts: IncidentParts, incidents: IncidentsService): IncidentServices {
  const w = incidents.writer;
  const similar = new SimilarIncidentsService(parts, w);
  return {
    reports: new IncidentReportsService(parts, w),
    shares: new IncidentSharesService(parts, w),
    collab: new IncidentCollabService(parts, w),
    support: new SupportRequestsService(parts, w),
    attachments: new AttachmentsService(parts, w),
    similar,
    decision: new DecisionSupportService(parts, w, similar),
  };
}
