import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { pdfPages } from '../../testing/pdf-text.ts';

/**
 * Printable documents through HTTP: the PDF's text layer (extracted as a reader copying it would) carries
 * the Vietnamese letters exactly, says what the HTML view says, bears the TLP marking on every page,
 * and never shows a reader what the API would not.
 */
let t: TestApp;
let owner: Caller;
let foreign: Caller;
const TITLE = 'Mã độc mã hóa dữ liệu trên hệ thống thanh toán ở Đà Nẵng';
const DESCRIPTION = 'Phát hiện tiến trình lạ ghi đè tệp; đã cô lập máy chủ, khôi phục từ bản sao lưu. Ưu tiên kiểm tra nhật ký.';
const MANY = Array.from({ length: 90 }, (_, i) => ({ type: 'ipv4', value: `198.51.100.${i + 1}` }));

async function incident(tlp: string): Promise<{ id: string; reference: string }> {
  const res = await owner.post('/api/v1/incidents', { title: TITLE, description: DESCRIPTION, severity: 3, tlp, observables: MANY, affectedSystem: { name: 'Cổng thanh toán điện tử', securityLevel: 3 } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const pdfOf = async (c: Caller, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return pdfPages(res.rawPayload);
};
/** Text with its line breaks and runs of spaces folded, for comparing what wraps differently. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.userIn('bank-sgb', 'analyst');
  foreign = await t.userIn('prov-79', 'analyst');
});
afterAll(() => t?.close());

describe('incident report', () => {
  it('prints the incident in Vietnamese with every diacritic, the TLP marking on each page', async () => {
    const inc = await incident('AMBER');
    await owner.post(`/api/v1/incidents/${inc.id}/tasks`, { title: 'Đổi mật khẩu quản trị và rà soát tài khoản' });
    const pages = await pdfOf(owner, `/api/v1/incidents/${inc.id}/document?format=pdf&lang=vi`);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain('TLP:AMBER');
    const text = flat(pages.join('\n'));
    for (const s of [`Báo cáo sự cố ${inc.reference}`, TITLE, DESCRIPTION, 'Cổng thanh toán điện tử', 'Đổi mật khẩu quản trị và rà soát tài khoản', 'Ngân hàng', 'Dấu hiệu nhận biết (IOC)', '198.51.100.90', 'Cấp độ an toàn']) {
      expect(text).toContain(s);
    }
  });

  it('prints the same content in English, and the HTML view says the same', async () => {
    const inc = await incident('GREEN');
    const text = flat((await pdfOf(owner, `/api/v1/incidents/${inc.id}/document?lang=en`)).join('\n'));
    const html = await owner.get(`/api/v1/incidents/${inc.id}/document?format=html&lang=en`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).not.toContain('<script');
    for (const s of [`Incident report ${inc.reference}`, 'Owner organisation', 'Indicators of compromise', 'TLP:GREEN', TITLE, 'Cổng thanh toán điện tử']) {
      expect(text).toContain(s);
      expect(html.body).toContain(s);
    }
  });

  it('gives no document to a reader who may not open the incident', async () => {
    const amber = await incident('AMBER');
    const red = await incident('RED');
    for (const url of [`/api/v1/incidents/${amber.id}/document`, `/api/v1/incidents/${red.id}/document?format=html`]) {
      const res = await foreign.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    // The centre reaches a unit's AMBER incident but not its RED one.
    expect((await t.admin.get(`/api/v1/incidents/${amber.id}/document`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/incidents/${red.id}/document`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/incidents/${amber.id}/document`)).statusCode).toBe(401);
    expect((await owner.get(`/api/v1/incidents/${amber.id}/document?format=docx`)).statusCode).toBe(400);
  });
});

describe('early warning', () => {
  it('prints the warning in the reader’s language, naming only the recipients that reader may see', async () => {
    const bank = await t.org('bank-sgb');
    const other = await t.org('prov-79');
    const body = {
      titleVi: 'Chiến dịch lừa đảo nhắm vào ngân hàng', titleEn: 'Phishing campaign against banks', severity: 3, tlp: 'AMBER',
      bodyVi: 'Kẻ tấn công gửi thư giả mạo thông báo khóa tài khoản, dẫn tới trang đăng nhập giả.', bodyEn: 'Attackers send forged account-lock notices leading to a fake sign-in page.',
      targeting: { orgIds: [bank, other] }, actions: [{ vi: 'Chặn tên miền giả mạo', en: 'Block the forged domain' }],
      indicators: [{ type: 'domain-name', value: 'dang-nhap-nganhang.example' }],
    };
    const w = (await t.admin.post('/api/v1/warnings', body)).json();
    expect((await t.admin.post(`/api/v1/warnings/${w.id}/issue`)).statusCode).toBe(200);
    const reader = await t.userIn('bank-sgb', 'analyst');
    const seen = (await reader.get(`/api/v1/warnings/${w.id}`)).json();
    const vi = flat((await pdfOf(reader, `/api/v1/warnings/${w.id}/document?lang=vi`)).join('\n'));
    for (const s of [body.titleVi, body.bodyVi, 'Chặn tên miền giả mạo', 'dang-nhap-nganhang.example', 'TLP:AMBER', 'Khuyến nghị xử lý']) expect(vi).toContain(s);
    const en = flat((await pdfOf(reader, `/api/v1/warnings/${w.id}/document?lang=en`)).join('\n'));
    for (const s of [body.titleEn, body.bodyEn, 'Block the forged domain', 'Recommended actions']) expect(en).toContain(s);
    // The other recipient is named in the document exactly when the API names it to this reader.
    const otherName = (await t.admin.get(`/api/v1/orgs/${other}`)).json().name as string;
    expect(vi.includes(otherName)).toBe((seen.targeting.orgIds as string[]).includes(other));
    const issuerView = flat((await pdfOf(t.admin, `/api/v1/warnings/${w.id}/document?lang=vi`)).join('\n'));
    expect(issuerView).toContain(otherName);
    expect((await foreign.get(`/api/v1/warnings/${w.id}/document`)).statusCode).toBe((await foreign.get(`/api/v1/warnings/${w.id}`)).statusCode);
  });

  it('names targeted provinces and sectors in the document’s language', async () => {
    const body = { titleVi: 'Lỗ hổng cổng VPN', titleEn: 'VPN gateway flaw', bodyVi: 'Cập nhật ngay.', bodyEn: 'Update now.', severity: 4, tlp: 'GREEN', targeting: { provinces: ['48', '46'], sectors: ['HEALTH'] } };
    const w = (await t.admin.post('/api/v1/warnings', body)).json();
    const vi = flat((await pdfOf(t.admin, `/api/v1/warnings/${w.id}/document`)).join('\n'));
    for (const s of ['Đà Nẵng', 'Huế', 'Y tế', 'Lỗ hổng cổng VPN', 'TLP:GREEN']) expect(vi).toContain(s);
    const en = await t.admin.get(`/api/v1/warnings/${w.id}/document?format=html&lang=en`);
    for (const s of ['Da Nang', 'Hue', 'Health', 'VPN gateway flaw']) expect(en.body).toContain(s);
  });
});

describe('periodic report (Circular 20, Form 05)', () => {
  it('prints the half-year as PDF with the same figures as its HTML view', async () => {
    const year = new Date().getUTCFullYear();
    const pages = await pdfOf(owner, `/api/v1/stats/reports/periodic?period=${year}-H1&orgId=${await t.org('bank-sgb')}&format=pdf`);
    const text = flat(pages.join('\n'));
    for (const s of ['Báo cáo định kỳ hoạt động ứng cứu sự cố an toàn thông tin mạng', 'Mẫu số 05', 'trước ngày 20 tháng 6', 'Cảnh báo tiếp nhận', 'Thời gian ứng cứu']) expect(text).toContain(s);
    for (const p of pages) expect(p).toContain('TLP:AMBER');
    const html = await owner.get(`/api/v1/stats/reports/periodic?period=${year}&orgId=${await t.org('bank-sgb')}&format=html&lang=en`);
    const en = flat((await pdfOf(owner, `/api/v1/stats/reports/periodic?period=${year}&orgId=${await t.org('bank-sgb')}&format=pdf&lang=en`)).join('\n'));
    for (const s of ['Form 05', 'before 15 December', 'Reporting-deadline compliance']) {
      expect(en).toContain(s);
      expect(html.body).toContain(s);
    }
  });
});
