import { must, type World } from './world.ts';

/** The own organisation's constituency rows (sent by the centre's connector) and a CSV mapping of the centre. */
export interface ConstituencyPart {
  alertId: string;
  mappingId: string;
  /** A fresh mapping of the centre (for cells that remove one). */
  freshMapping(): Promise<string>;
}

/** A mapping body with a unique name. */
export const mappingBody = (w: World) => ({
  name: `Danh sách lạm dụng ${w.unique()}`, reportType: 'isp_abuse', delimiter: ';', rsitClass: 'malicious-code', rsitType: 'infected-system', severity: 2,
  timeZone: 'Asia/Ho_Chi_Minh', columns: { time: 'time', ip: 'ip' },
});

export async function addConstituency(w: World): Promise<ConstituencyPart> {
  const { t } = w;
  const centreKey = await t.keyFor('ncc', 'connector');
  // A URLhaus row naming the own organisation's registered domain: it goes to the own organisation's queue.
  const body = `# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter\n"1","${new Date().toISOString().slice(0, 19).replace('T', ' ')}",`
    + `"http://${w.alerts.assetValue}/${w.marker}.exe","online","","malware_download","${w.marker}","https://urlhaus.abuse.ch/url/1/","matrix"\n`;
  must(await centreKey.request('POST', '/api/v1/constituency/reports/urlhaus', Buffer.from(body), { 'content-type': 'text/csv' }), 202);
  const rows = must<{ items: { alertId: string; orgId: string }[] }>(await t.admin.get(`/api/v1/constituency/rows?orgId=${w.org.own}`), 200).items;
  if (rows.length !== 1) throw new Error(`expected one constituency row of the own organisation, got ${rows.length}`);
  w.secrets.push(rows[0]!.alertId);
  const freshMapping = async () => must(await t.admin.post('/api/v1/constituency/mappings', mappingBody(w)), 201).id!;
  return { alertId: rows[0]!.alertId, mappingId: await freshMapping(), freshMapping };
}
