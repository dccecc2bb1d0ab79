import { describe, expect, it } from 'vitest';
import { fold, passwordProblem, userInputs } from './password-policy.ts';

const an = { email: 'nguyen.van.an@sotttt.hanoi.gov.vn', name: 'Nguyễn Văn An', orgName: 'Sở Thông tin và Truyền thông Hà Nội' };
const code = (password: string, minScore: 3 | 4 = 4) => passwordProblem(password, an, minScore)?.code ?? null;

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters', () => {
    expect(code('Xk9#mP2$vL7')).toBe('password_too_short');
  });

  it('refuses a password that contains the e-mail address or its local part, whatever the case', () => {
    expect(code('my-NGUYEN.VAN.AN@sotttt.hanoi.gov.vn')).toBe('password_contains_email');
    expect(code('Nguyen.Van.An-2026-xyz!')).toBe('password_contains_email');
  });

  it('refuses common and breached passwords, also in their usual disguises', () => {
    for (const p of ['password1234', 'Qwerty123456!', 'P@ssw0rd2024!', '123456789012', 'iloveyou12345', 'anhyeuem12345', 'Matkhau@12345']) {
      expect(code(p), p).toBe('password_common');
    }
  });

  it('refuses passwords built from the person, the organisation or the platform, accents or not', () => {
    for (const p of ['nguyenvanan1990', 'Lachan@2024!!', 'NguyễnVănAn1990!', 'truyenthong2024!', 'lachanlachan1']) {
      expect(code(p), p).toBe('password_personal');
    }
  });

  it('refuses Vietnamese phrases that English lists do not know', () => {
    expect(code('ToiYeuHaNoi88!')).not.toBeNull();
  });

  it('refuses guessable patterns with no dictionary word at score 4, and accepts strong passwords', () => {
    expect(code('Summer2024!!!')).toBe('password_weak');
    for (const p of ['correct horse battery staple', 'kX9#mP2$vL7qwz', 'a-long-test-password', 'bluecat river 42 tomato']) {
      expect(code(p), p).toBeNull();
    }
  });

  it('is less strict at score 3, still refusing common ones', () => {
    expect(code('Summer2024!!!', 3)).toBeNull();
    expect(code('Qwerty123456!', 3)).toBe('password_common');
  });

  it('gives zxcvbn the person’s words without Vietnamese marks', () => {
    expect(fold('Đặng Thị Hương')).toBe('dang thi huong');
    expect(userInputs(an)).toEqual(expect.arrayContaining(['nguyen.van.an', 'nguyen', 'nguyenvanan', 'truyenthong', 'lachan']));
  });
});
