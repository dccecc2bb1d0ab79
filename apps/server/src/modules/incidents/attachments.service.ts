import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_TYPES, type IncidentAttachment } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import type { IncidentParts } from './incident-parts.ts';
import type { IncidentWriter } from './incident-writer.ts';

/** Largest attachment accepted (bytes). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'application/json']);

type Row = { id: string; incident_id: string; file_name: string; content_type: string; size: number; sha256: string; uploaded_by_name: string; uploaded_by_org_id: string; created_at: Date };
const present = (r: Row): IncidentAttachment => ({
  id: r.id, incidentId: r.incident_id, fileName: r.file_name, contentType: r.content_type, size: r.size, sha256: r.sha256, uploadedByName: r.uploaded_by_name,
  uploadedByOrgId: r.uploaded_by_org_id, createdAt: r.created_at.toISOString(),
});

/**
 * Whether the bytes are what the declared type says: binary formats by their signature (file-type),
 * text types must be valid UTF-8 without a binary signature (and JSON must parse).
 */
export async function contentMatches(declared: string, bytes: Buffer): Promise<boolean> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (TEXT_TYPES.has(declared)) {
    if (sniffed) return false;
    const text = new TextDecoder('utf-8', { fatal: true });
    try {
      const s = text.decode(bytes);
      if (/[\u0000-\u0008\u000e-\u001f]/.test(s)) return false;
      if (declared === 'application/json') JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  }
  return sniffed?.mime === declared;
}

/** Files attached to incidents, kept in the database, served only as downloads. */
export class AttachmentsService {
  #p: Pick<IncidentParts, 'db'>;
  #w: IncidentWriter;
  constructor(parts: Pick<IncidentParts, 'db'>, writer: IncidentWriter) {
    this.#p = parts;
    this.#w = writer;
  }

  async list(ctx: RequestContext, incidentId: string): Promise<IncidentAttachment[]> {
    await this.#w.access.require(ctx, incidentId, 'read');
    return (await sql<Row>`select id, incident_id, file_name, content_type, size, sha256, uploaded_by_name, uploaded_by_org_id, created_at from incident_attachments
      where incident_id = ${incidentId} order by created_at`.execute(this.#p.db)).rows.map(present);
  }

  async upload(ctx: RequestContext, incidentId: string, file: { fileName: string; contentType: string; bytes: Buffer }): Promise<IncidentAttachment> {
    const type = file.contentType.split(';')[0]!.trim().toLowerCase();
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw new AppError(415, 'unsupported_media_type', `attachments may be ${ATTACHMENT_TYPES.join(', ')}`);
    if (file.bytes.length === 0) throw invalid('the file is empty');
    if (file.bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError(413, 'payload_too_large', `attachments are limited to ${ATTACHMENT_MAX_BYTES} bytes`);
    if (!(await contentMatches(type, file.bytes))) throw new AppError(415, 'unsupported_media_type', `the file content is not ${type}`);
    const name = file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'attachment';
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const id = await this.#w.change(ctx, incidentId, 'work', 'attachment', async (tx) => {
      const r = await sql<{ id: string }>`insert into incident_attachments (incident_id, file_name, content_type, size, sha256, bytes, uploaded_by_name, uploaded_by_org_id)
        values (${incidentId}, ${name}, ${type}, ${file.bytes.length}, ${sha256}, ${file.bytes}, ${ctx.actor.name}, ${ctx.actor.orgId}) returning id`.execute(tx);
      return { data: { attachmentId: r.rows[0]!.id, fileName: name, size: file.bytes.length, sha256 }, result: r.rows[0]!.id };
    });
    return (await this.list(ctx, incidentId)).find((a) => a.id === id)!;
  }

  async download(ctx: RequestContext, incidentId: string, id: string): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
    await this.#w.access.require(ctx, incidentId, 'read');
    const r = await sql<{ file_name: string; content_type: string; bytes: Buffer | Uint8Array }>`select file_name, content_type, bytes from incident_attachments where id = ${id} and incident_id = ${incidentId}`.execute(this.#p.db);
    const row = r.rows[0];
    if (!row) throw notFound('attachment');
    return { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.bytes) };
  }
}
