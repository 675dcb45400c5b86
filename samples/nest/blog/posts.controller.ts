import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { PostsService } from './posts.service';

@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Post('users/:email/posts')
  create(@Param('email') email: string, @Body() body: unknown) {
    return this.posts.create(email, body);
  }

  @Get('users/:email/posts')
  list(@Param('email') email: string, @Query() query: Record<string, unknown>) {
    return this.posts.list(email, query);
  }

  @Patch('users/:email/posts/:slug/publish')
  publish(@Param('email') email: string, @Param('slug') slug: string) {
    return this.posts.publish(email, slug);
  }

  @Post('users/:email/posts/:slug/like')
  @HttpCode(200)
  like(@Param('email') email: string, @Param('slug') slug: string) {
    return this.posts.like(email, slug);
  }

  @Get('posts/by-status/:status')
  byStatus(@Param('status') status: string, @Query() query: Record<string, unknown>) {
    return this.posts.byStatus(status, query);
  }
}
