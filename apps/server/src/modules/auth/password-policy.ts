import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import type { ErrorCode } from '@lachan/contracts';
import { AppError } from '../../core/errors.ts';

export const PASSWORD_MIN_LENGTH = 12;

/** Whose password it is: what an attacker who knows the person would try first. */
export interface PasswordOwner {
  email: string;
  name?: string | null;
  orgName?: string | null;
}

/**
 * Words Vietnamese users build passwords from, unaccented (written for Lachan, no outside source):
 * the commonest family names and given-name syllables, pet phrases, places, and the words of the
 * platform's own trade. zxcvbn's lists are English; without these "ToiYeuHaNoi88!" scores 4.
 */
const VIETNAMESE = [
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'van', 'thi', 'minh', 'anh', 'duc', 'hung', 'tuan', 'linh', 'huong', 'lan', 'mai', 'hoa', 'ngoc', 'thanh', 'thu',
  'trang', 'phuong', 'quang', 'long', 'nam', 'hai', 'son', 'tung', 'dung', 'hieu', 'huy', 'khanh', 'yen', 'nhung',
  'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'toiyeu', 'toiyeuem', 'matkhau', 'xinchao', 'camon', 'chaoban', 'hihi',
  'hehe', 'huhu', 'keke', 'conmeo', 'concho', 'vietnam', 'hanoi', 'saigon', 'hochiminh', 'danang', 'haiphong',
  'cantho', 'hue', 'nhatrang', 'dalat', 'vungtau', 'quantri', 'quantrivien', 'anninh', 'anninhmang', 'baomat',
  'canhbao', 'suco', 'ungcuu', 'trungtam', 'quocgia', 'dieuphoi', 'thongtin', 'truyenthong', 'bocongan', 'chinhphu',
];

let factory: ZxcvbnFactory | null = null;
/** Built on first use (about 0.1 s): the common and English lists, keyboard graphs and the Vietnamese words. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, 'vietnamese-lachan': VIETNAMESE },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: 64,
    l33tMaxSubstitutions: 12,
  });
  return factory;
}

/** Without Vietnamese marks: "Nguyễn Đức" -> "Nguyen Duc". */
const stripMarks = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
/** Lower case without Vietnamese marks: "Nguyễn Đức" -> "nguyen duc". */
export const fold = (text: string): string => stripMarks(text).toLowerCase();

/** The person's own words: e-mail and its parts, name and organisation (with and without marks, joined), the platform. */
export function userInputs(owner: PasswordOwner): string[] {
  const email = owner.email.toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  const words = (text: string | null | undefined) => {
    const folded = fold(text ?? '');
    const parts = folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
    const pairs = parts.slice(1).map((w, i) => `${parts[i]}${w}`);
    return [text ?? '', folded, parts.join(''), ...parts, ...pairs];
  };
  const inputs = [email, local, ...local.split(/[._+-]+/), ...domain.split('.'), ...words(owner.name), ...words(owner.orgName), 'lachan', 'la chan', 'lá chắn'];
  return [...new Set(inputs.filter((w) => w.length >= 2))];
}

export interface PasswordProblem {
  code: Extract<ErrorCode, `password_${string}`>;
  message: string;
  details?: { score: number; minScore: number; warning: string | null };
}

type AnyMatch = { pattern: string; dictionaryName?: string; baseToken?: string };
/** Whether words of the `names` dictionaries made up part of the password. */
const usesList = (r: ZxcvbnResult, names: string[]) =>
  (r.sequence as AnyMatch[]).some((m) => m.pattern === 'dictionary' && names.includes(String(m.dictionaryName)));
/** Whether the person's own words did, alone or repeated ("lachanlachan"). */
const usesOwnWords = (r: ZxcvbnResult, inputs: string[]) =>
  usesList(r, ['userInputs']) || (r.sequence as AnyMatch[]).some((m) => m.pattern === 'repeat' && inputs.includes(fold(m.baseToken ?? '')));

/** Why a new password is refused, or null: too short, contains the e-mail, or too easy to guess (zxcvbn). */
export function passwordProblem(password: string, owner: PasswordOwner, minScore: 3 | 4): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return { code: 'password_too_short', message: `the password must have at least ${PASSWORD_MIN_LENGTH} characters` };
  const lower = password.toLowerCase();
  const local = owner.email.toLowerCase().split('@')[0] ?? '';
  if (lower.includes(owner.email.toLowerCase()) || (local.length >= 4 && fold(lower).includes(fold(local)))) {
    return { code: 'password_contains_email', message: 'the password must not contain your e-mail address' };
  }
  // Marks add little: an attacker tries "NguyễnVănAn" as "NguyenVanAn" too, so the weaker reading counts.
  const inputs = userInputs(owner);
  const plain = stripMarks(password);
  const readings = [zxcvbn().check(password, inputs), ...(plain !== password ? [zxcvbn().check(plain, inputs)] : [])];
  const r = readings.reduce((a, b) => (b.guesses < a.guesses ? b : a));
  if (r.score >= minScore) return null;
  const details = { score: r.score, minScore, warning: r.feedback.warning };
  if (usesOwnWords(r, inputs)) return { code: 'password_personal', message: 'the password is built from your name, e-mail, organisation or the platform name', details };
  if (usesList(r, ['passwords-common', 'vietnamese-lachan'])) return { code: 'password_common', message: 'the password is, or is built on, a commonly used or breached password', details };
  return { code: 'password_weak', message: 'the password is too easy to guess; a few unrelated words make a strong one', details };
}

/** Throws 400 with the problem's code when the password may not be set. */
export function assertStrongPassword(password: string, owner: PasswordOwner, minScore: 3 | 4): void {
  const problem = passwordProblem(password, owner, minScore);
  if (problem) throw new AppError(400, problem.code, problem.message, problem.details);
}
