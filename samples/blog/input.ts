/**
 * Request bodies of the blog API, checked by hand (an app would use its validation library):
 * each function returns the entity data, or undefined when the body does not fit (a 400).
 */
import { Post, User } from './entities';

export const USER_BODY =
  'Send { email: string, name: string, role?: "reader" | "author" | "admin", credits?: number, joinedAt?: ISO date, interests?: string[] }.';
export const POST_BODY = 'Send { slug: "lower-case-with-dashes", title: string, tags?: string[] }.';
export const TRANSFER_BODY = 'Send { from: email, to: another email, amount: a positive integer }.';

function stringList(value: unknown): value is string[] | undefined {
  return value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== ''));
}

/** A User from a JSON body. */
export function userFrom(body: unknown): User | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  const role = b['role'] ?? 'reader';
  const credits = b['credits'] ?? 0;
  if (typeof b['email'] !== 'string' || !b['email'].includes('@') || typeof b['name'] !== 'string') return undefined;
  if (role !== 'reader' && role !== 'author' && role !== 'admin') return undefined;
  if (!Number.isInteger(credits) || (credits as number) < 0 || !stringList(b['interests'])) return undefined;
  const joinedAt =
    b['joinedAt'] === undefined ? new Date() : typeof b['joinedAt'] === 'string' ? new Date(b['joinedAt']) : undefined;
  if (!joinedAt || Number.isNaN(joinedAt.getTime())) return undefined;
  const interests = b['interests'];
  return Object.assign(new User(), {
    email: b['email'],
    name: b['name'],
    role,
    credits: credits as number,
    joinedAt,
    ...(interests?.length && { interests: new Set(interests) }),
  });
}

/** A new draft Post of `authorEmail` from a JSON body. */
export function postFrom(authorEmail: string, body: unknown): Post | undefined {
  const { slug, title, tags } = (body ?? {}) as { slug?: unknown; title?: unknown; tags?: unknown };
  if (typeof slug !== 'string' || !/^[a-z0-9-]{1,80}$/.test(slug) || typeof title !== 'string' || !stringList(tags))
    return undefined;
  return Object.assign(new Post(), {
    authorEmail,
    slug,
    title,
    status: 'DRAFT' as const,
    createdAt: new Date().toISOString(),
    likes: 0,
    ...(tags?.length && { tags: new Set(tags) }),
  });
}

/** A transfer of credits between two different users. */
export function transferFrom(body: unknown): { from: string; to: string; amount: number } | undefined {
  const { from, to, amount } = (body ?? {}) as { from?: unknown; to?: unknown; amount?: unknown };
  if (
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    from === to ||
    typeof amount !== 'number' ||
    !Number.isInteger(amount) ||
    amount < 1
  )
    return undefined;
  return { from, to, amount };
}
