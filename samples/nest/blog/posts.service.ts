import { BadRequestException, Injectable } from '@nestjs/common';
import { queryFilters, type QueryParams, type Repository } from 'dkmio';
import { InjectRepository } from 'dkmio/nest';
import { POST_FILTERS, Post, User } from '../../blog/entities';
import { POST_BODY, postFrom } from '../../blog/input';
import { cursorOf, limitOf, type ApiPage } from './page';

@Injectable()
export class PostsService {
  constructor(
    @InjectRepository(Post) private readonly posts: Repository<Post>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** A draft; 404 for an unknown author, 409 for a slug already taken. */
  async create(authorEmail: string, body: unknown): Promise<Post> {
    const post = postFrom(authorEmail, body);
    if (!post) throw new BadRequestException(POST_BODY);
    await this.users.getOrThrow({ email: authorEmail }, { select: ['email'] });
    await this.posts.put(post, { condition: { slug__not_exists: true } });
    return post;
  }

  /** ?status=PUBLISHED&likes__gte=3&tags__contains=aws&limit=&cursor= */
  async list(authorEmail: string, query: QueryParams & Record<string, unknown>): Promise<ApiPage<Post>> {
    const filter = queryFilters(Post, query, { allow: POST_FILTERS });
    const page = await this.posts
      .query({ authorEmail })
      .filter(filter)
      .limit(limitOf(query['limit']))
      .startFrom(cursorOf(query['cursor']));
    return { items: page.items, cursor: page.cursor };
  }

  /** DRAFT -> PUBLISHED: 404 when the post does not exist, 409 when it is not a draft. */
  publish(authorEmail: string, slug: string): Promise<Post | null> {
    return this.posts.update(
      { authorEmail, slug },
      { set: { status: 'PUBLISHED', publishedAt: new Date().toISOString() } },
      { mustExist: true, condition: { status: 'DRAFT' }, returnValues: 'ALL_NEW' },
    );
  }

  like(authorEmail: string, slug: string): Promise<Post | null> {
    return this.posts.update(
      { authorEmail, slug },
      { add: { likes: 1 } },
      { mustExist: true, returnValues: 'ALL_NEW' },
    );
  }

  /** Posts in a status, newest first, through the gsi-status index (which projects title and likes). */
  async byStatus(
    status: string,
    query: Record<string, unknown>,
  ): Promise<ApiPage<Pick<Post, 'authorEmail' | 'slug' | 'title' | 'likes' | 'status' | 'createdAt'>>> {
    const page = await this.posts
      .index('gsi-status')
      .query({ status: status as Post['status'] })
      .scanForward(false)
      .limit(limitOf(query['limit']))
      .startFrom(cursorOf(query['cursor']));
    return { items: page.items, cursor: page.cursor };
  }
}
