/**
 * The blog's tables, shared by the Express and NestJS samples. Every attribute the API uses is
 * declared (so the compiler checks every filter, update and select); the decorated ones also
 * carry their runtime type, which `createTables` and `queryFilters` read.
 */
import 'reflect-metadata';
import { Attribute, GlobalIndex, PartitionKey, SortKey, Table, Ttl } from 'dkmio';

/** One item per user, keyed by email. */
@Table('users')
export class User {
  @PartitionKey() email!: string;
  @Attribute() name!: string;
  @Attribute() role!: 'reader' | 'author' | 'admin';
  /** Moved between users by POST /transfers (a transaction). */
  @Attribute() credits!: number;
  @Attribute() joinedAt!: Date;
  interests?: Set<string>;
}

/** A user's posts, by slug; the index lists every post in a status, by creation time. */
@Table('posts')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['title', 'likes'] })
export class Post {
  @PartitionKey() authorEmail!: string;
  @SortKey() slug!: string;
  @Attribute() title!: string;
  @Attribute() status!: 'DRAFT' | 'PUBLISHED';
  /** ISO 8601: the index's sort key. */
  @Attribute() createdAt!: string;
  publishedAt?: string;
  @Attribute() likes!: number;
  tags?: Set<string>;
}

/** Login sessions; DynamoDB deletes them after `expiresAt` (TTL, epoch seconds). */
@Table('sessions')
export class Session {
  @PartitionKey() token!: string;
  @Attribute() email!: string;
  @Ttl() expiresAt!: number;
}

export const BLOG_ENTITIES = [User, Post, Session];

/** What `GET /users` lets a client filter on, and how (everything else is a 400). */
export const USER_FILTERS = {
  role: ['eq', 'in'],
  credits: ['gt', 'gte', 'lt', 'lte', 'between'],
  name: ['begins_with'],
  joinedAt: ['gte', 'lt', 'between'],
} as const;

/** What `GET /users/:email/posts` lets a client filter on. */
export const POST_FILTERS = {
  status: ['eq', 'in'],
  likes: ['gt', 'gte', 'lt', 'lte', 'between'],
  tags: ['contains'],
  title: ['begins_with', 'contains'],
} as const;

/** The page size a client may ask for with ?limit= (default 20). */
export function pageSize(raw: unknown): number | undefined {
  if (raw === undefined) return 20;
  const n = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 100 ? n : undefined;
}

/** The cursor secret: CURSOR_SECRET in production; a fixed development value otherwise. */
export function cursorSecret(): string {
  return process.env['CURSOR_SECRET'] ?? 'development cursor secret: set CURSOR_SECRET';
}
