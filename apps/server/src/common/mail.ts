/**
 * The domain part of a stable `Message-ID` for mail the platform sends: the sender address's domain
 * (reduced to the characters a message id may carry), or `lachan.local` without one.
 */
export const mailDomain = (from: string): string => from.split('@')[1]?.replace(/[^A-Za-z0-9.-]/g, '') || 'lachan.local';

/** A stable `Message-ID` for one message that may be attempted several times, from several processes. */
export const messageId = (key: string, from: string): string => `<${key}@${mailDomain(from)}>`;
