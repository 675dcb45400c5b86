/**
 * The blog in one table (single-table design): users, their posts and the comments they write
 * share table "blog". A user's timeline (the profile, then every post and comment, newest first)
 * comes back from one query as User, Post and Comment instances, in key order.
 *
 * `main()` walks through it against DynamoDB Local (DKMIO_ENDPOINT, or an embedded one), printing
 * what it does; tests/integration/samples/single-table.test.ts checks every line.
 *
 * Stored items (pk / sk / gsi1pk / gsi1sk / _type):
 *   USER#ann   PROFILE                       EMAIL#ann@blog.io     USER                 User
 *   USER#ann   ACT#2026-03-01T09:00#P#hello  STATUS#PUBLISHED      2026-03-01T09:00     Post
 *   USER#ann   ACT#2026-03-02T10:30#C#c1     (no index key)                             Comment
 */
import 'reflect-metadata';
import { DkmioClient, ValidationError, Entity, GlobalIndex, Table, collection, httpStatusOf } from 'dkmio';
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';

/** The physical table, declared once: stored key names, the type attribute, one overloaded index. */
@Table('blog', { partitionKey: 'pk', sortKey: 'sk', indexes: { gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } } })
export class BlogTable {}

/** A user's profile; gsi1 finds a user by email. */
@Entity(BlogTable, { type: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' })
@GlobalIndex('gsi1', { partitionKey: 'EMAIL#{email}', sortKey: 'USER' })
export class User {
  userId!: string;
  email!: string;
  name!: string;
  get greeting(): string {
    return `Hi, ${this.name}`;
  }
}

/** A post, in its author's partition by time; gsi1 lists posts by status (drafts have none: a sparse index). */
@Entity(BlogTable, { type: 'Post', partitionKey: 'USER#{userId}', sortKey: 'ACT#{createdAt}#P#{postId}' })
@GlobalIndex('gsi1', { partitionKey: 'STATUS#{status}', sortKey: '{createdAt}' })
export class Post {
  userId!: string;
  postId!: string;
  createdAt!: string;
  title!: string;
  status?: 'PUBLISHED' | 'HIDDEN';
  likes?: number;
}

/** A comment, in its writer's partition by time. */
@Entity(BlogTable, { type: 'Comment', partitionKey: 'USER#{userId}', sortKey: 'ACT#{createdAt}#C#{commentId}' })
export class Comment {
  userId!: string;
  commentId!: string;
  createdAt!: string;
  /** The commented post (its author and id). */
  onPost!: string;
  text!: string;
}

/** A user's timeline: their profile, posts and comments, read with one query. */
export const UserTimeline = collection([User, Post, Comment]);

/** Options of {@link main}. */
export interface SingleTableOptions {
  endpoint?: string;
  tableNamePrefix?: string;
  log?: (line: string) => void;
}

/** Runs the walkthrough; resolves once everything, DynamoDB Local included, is stopped. */
export async function main(options: SingleTableOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  let local: LocalDynamo | undefined;
  let endpoint = options.endpoint ?? process.env['DKMIO_ENDPOINT'];
  if (!endpoint) {
    local = await startLocalDynamo();
    endpoint = local.endpoint;
  }
  const db = new DkmioClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    tableNamePrefix: options.tableNamePrefix ?? process.env['TABLE_PREFIX'],
  });
  try {
    const tables = await db.createTables([BlogTable], { pollIntervalMs: 200 });
    log(`createTables: created [${tables.created.join(', ')}]`);
    await walkthrough(db, log);
    await db.deleteTables([BlogTable], { pollIntervalMs: 200 });
  } finally {
    db.destroy();
    if (local) await local.stop();
  }
}

async function walkthrough(db: DkmioClient, log: (line: string) => void): Promise<void> {
  const users = db.getRepository(User);
  const posts = db.getRepository(Post);
  const comments = db.getRepository(Comment);

  await users.put({ userId: 'ann', email: 'ann@blog.io', name: 'Ann' });
  await posts.put({
    userId: 'ann',
    postId: 'hello',
    createdAt: '2026-03-01T09:00',
    title: 'Hello',
    status: 'PUBLISHED',
  });
  await posts.put({ userId: 'ann', postId: 'draft', createdAt: '2026-03-03T08:00', title: 'Draft' });
  await comments.put({
    userId: 'ann',
    commentId: 'c1',
    createdAt: '2026-03-02T10:30',
    onPost: 'bob/intro',
    text: 'Welcome!',
  });
  log('put: a user, two posts (one draft), a comment: one table');

  const page = await db.collection(UserTimeline).query({ userId: 'ann' }).scanForward(false);
  const line = page.items.map((item) =>
    item instanceof User
      ? `User ${item.name}`
      : item instanceof Post
        ? `Post ${item.postId}`
        : `Comment ${item.commentId}`,
  );
  log(`timeline of ann (newest first): ${line.join(', ')}`);
  log(
    `page.of(Post): ${page
      .of(Post)
      .map((p) => p.title)
      .join(', ')}; ${page.of(User)[0]?.greeting}`,
  );

  const published = await db.collection(UserTimeline).query({ userId: 'ann' }).filter(Post, { status: 'PUBLISHED' });
  log(
    `timeline with filter(Post, published), oldest first: ${published.items.map((i) => i.constructor.name).join(', ')}`,
  );

  const byEmail = await users.index('gsi1').query({ email: 'ann@blog.io' });
  log(`user by email (gsi1): ${byEmail.items.map((u) => u.userId).join(', ')}`);
  const live = await posts.index('gsi1').query({ status: 'PUBLISHED' });
  log(`published posts (gsi1, drafts are not in it): ${live.items.map((p) => p.postId).join(', ')}`);

  // Publishing the draft recomposes its index key from the new status and the createdAt in its key.
  await posts.update(
    { userId: 'ann', postId: 'draft', createdAt: '2026-03-03T08:00' },
    { set: { status: 'PUBLISHED' } },
  );
  const now = await posts.index('gsi1').query({ status: 'PUBLISHED' });
  log(`after publishing the draft: ${now.items.map((p) => p.postId).join(', ')}`);

  // Removing the status takes the post out of the index: no stale index key is left behind.
  await posts.update({ userId: 'ann', postId: 'hello', createdAt: '2026-03-01T09:00' }, { remove: ['status'] });
  const after = await posts.index('gsi1').query({ status: 'PUBLISHED' });
  log(`after unpublishing hello: ${after.items.map((p) => p.postId).join(', ')}`);

  // The primary key is composed from userId, createdAt and postId: those never change in place.
  try {
    await posts.update(
      { userId: 'ann', postId: 'hello', createdAt: '2026-03-01T09:00' },
      { set: { title: 'Hi' }, remove: ['likes'] },
    );
    await posts.update(
      { userId: 'ann', postId: 'hello', createdAt: '2026-03-01T09:00' },
      {
        set: { createdAt: '2027-01-01' },
      },
    );
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    log(
      `moving a post by its key: ${error.code} -> HTTP ${httpStatusOf(error)} (delete + put in a transaction instead)`,
    );
  }
}
