import { Module } from '@nestjs/common';
import { DkmioModule } from 'dkmio/nest';
import { Post, Session, User } from '../../blog/entities';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { SessionsController } from './sessions.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** forFeature registers the repositories, and (createTables: true in AppModule) their tables. */
@Module({
  imports: [DkmioModule.forFeature([User, Post, Session])],
  controllers: [UsersController, PostsController, SessionsController],
  providers: [UsersService, PostsService],
})
export class BlogModule {}
