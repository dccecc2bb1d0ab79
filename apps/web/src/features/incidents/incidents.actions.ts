import type {
  IncidentAttachment, IncidentComment, IncidentCreate, IncidentDetail, IncidentPatch, IncidentReport, IncidentReportCreate, IncidentShare, IncidentShareCreate,
  IncidentSplit, IncidentTask, IncidentTaskCreate, IncidentTaskPatch, IncidentTransfer, IncidentTransition, SupportRequest, SupportRequestCreate,
} from '@lachan/contracts';
import { api } from '../../api/client.ts';

const base = (id: string) => `/incidents/${id}`;

/** Writes of the incidents module, one per endpoint, typed by the contracts. */
export const incidentApi = {
  create: (body: IncidentCreate) => api.post<IncidentDetail>('/incidents', body),
  update: (id: string, body: IncidentPatch) => api.patch<IncidentDetail>(base(id), body),
  transition: (id: string, body: IncidentTransition) => api.post<IncidentDetail>(`${base(id)}/transition`, body),
  completeResponse: (id: string) => api.post<IncidentDetail>(`${base(id)}/complete-response`),
  merge: (id: string, incidentIds: string[]) => api.post<IncidentDetail>(`${base(id)}/merge`, { incidentIds }),
  linkAlerts: (id: string, alertIds: string[]) => api.post<IncidentDetail>(`${base(id)}/alerts`, { alertIds }),
  split: (id: string, body: IncidentSplit) => api.post<IncidentDetail>(`${base(id)}/split`, body),
  escalate: (id: string, message: string) => api.post<IncidentDetail>(`${base(id)}/escalate`, { message }),
  transfer: (id: string, body: IncidentTransfer) => api.post<IncidentDetail>(`${base(id)}/transfer`, body),
  setRegimes: (id: string, regimeCodes: string[]) => api.put<IncidentDetail>(`${base(id)}/regimes`, { regimeCodes }),
  setSystems: (id: string, systemIds: string[]) => api.put<IncidentDetail>(`${base(id)}/systems`, { systemIds }),
  comment: (id: string, body: string) => api.post<IncidentComment>(`${base(id)}/comments`, { body }),
  addTask: (id: string, body: IncidentTaskCreate) => api.post<IncidentTask>(`${base(id)}/tasks`, body),
  updateTask: (id: string, taskId: string, body: IncidentTaskPatch) => api.patch<IncidentTask>(`${base(id)}/tasks/${taskId}`, body),
  share: (id: string, body: IncidentShareCreate) => api.post<IncidentShare>(`${base(id)}/shares`, body),
  revokeShare: (id: string, shareId: string) => api.delete<IncidentShare>(`${base(id)}/shares/${shareId}`),
  fileReport: (id: string, body: IncidentReportCreate) => api.post<IncidentReport>(`${base(id)}/reports`, body),
  requestSupport: (id: string, body: SupportRequestCreate) => api.post<SupportRequest>(`${base(id)}/support-requests`, body),
  upload: (id: string, file: File) => api.upload<IncidentAttachment>(`${base(id)}/attachments`, file, file.type || 'application/octet-stream', { fileName: file.name }),
};
