import type { Platform } from '../../platform.types.ts';
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

export function createIncidentServices(platform: Platform, incidents: IncidentsService): IncidentServices {
  const w = incidents.writer;
  const similar = new SimilarIncidentsService(platform, w);
  return {
    reports: new IncidentReportsService(platform, w),
    shares: new IncidentSharesService(platform, w),
    collab: new IncidentCollabService(platform, w),
    support: new SupportRequestsService(platform, w),
    attachments: new AttachmentsService(platform, w),
    similar,
    decision: new DecisionSupportService(platform, w, similar),
  };
}
