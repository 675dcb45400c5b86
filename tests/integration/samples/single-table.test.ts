import { main } from '../../../samples/blog/single-table';
import { testEndpoint, uniqueTableName } from '../../support/local';

describe('samples/blog/single-table.ts', () => {
  it("reads a user's timeline from one query as typed instances, in key order", async () => {
    const lines: string[] = [];
    const prefix = `${uniqueTableName('sample-st')}-`;
    await main({ endpoint: testEndpoint(), tableNamePrefix: prefix, log: (line) => lines.push(line) });
    expect(lines).toEqual([
      `createTables: created [${prefix}blog]`,
      'put: a user, two posts (one draft), a comment: one table',
      'timeline of ann (newest first): User Ann, Post draft, Comment c1, Post hello',
      'page.of(Post): Draft, Hello; Hi, Ann',
      'timeline with filter(Post, published), oldest first: Post, Comment, User',
      'user by email (gsi1): ann',
      'published posts (gsi1, drafts are not in it): hello',
      'after publishing the draft: hello, draft',
      'after unpublishing hello: draft',
      'moving a post by its key: VALIDATION -> HTTP 400 (delete + put in a transaction instead)',
    ]);
  });
});
