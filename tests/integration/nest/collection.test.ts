import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Collection, DkmioClient, Entity, Repository, Table, collection } from '../../../src';
import { DkmioModule, InjectCollection, InjectRepository, getCollectionToken } from '../../../src/nest';
import { testClientConfig, uniqueTableName } from '../../support/local';

@Table('timeline', { partitionKey: 'pk', sortKey: 'sk' })
class TimelineTable {}

@Entity(TimelineTable, { type: 'Author', partitionKey: 'AUTHOR#{authorId}', sortKey: 'PROFILE' })
class Author {
  authorId!: string;
  name?: string;
}

@Entity(TimelineTable, { type: 'Note', partitionKey: 'AUTHOR#{authorId}', sortKey: 'NOTE#{noteId}' })
class Note {
  authorId!: string;
  noteId!: string;
  text?: string;
}

const AuthorTimeline = collection([Author, Note]);

@Injectable()
class TimelineService {
  constructor(
    @InjectCollection(AuthorTimeline) readonly timeline: Collection<Author | Note>,
    @InjectRepository(Note) readonly notes: Repository<Note>,
    @InjectRepository(Author) readonly authors: Repository<Author>,
  ) {}
}

@Module({
  imports: [DkmioModule.forFeature([Author, Note, AuthorTimeline])],
  providers: [TimelineService],
  exports: [TimelineService],
})
class TimelineModule {}

describe('dkmio/nest: collections', () => {
  const prefix = `${uniqueTableName('nest-coll')}-`;

  it('forFeature takes a collection token; @InjectCollection injects it; createTables at boot covers its table class', async () => {
    const ref = await Test.createTestingModule({
      imports: [
        DkmioModule.forRoot({ ...testClientConfig(), tableNamePrefix: prefix, createTables: true }),
        TimelineModule,
      ],
    }).compile();
    const app = ref.createNestApplication();
    await app.init();
    try {
      const service = app.get(TimelineService);
      expect(service.timeline).toBeInstanceOf(Collection);
      expect(app.get(getCollectionToken(AuthorTimeline))).toBe(service.timeline);
      await service.authors.put({ authorId: 'a1', name: 'Ada' });
      await service.notes.put({ authorId: 'a1', noteId: 'n1', text: 'hi' });
      const page = await service.timeline.query({ authorId: 'a1' });
      expect(page.items.map((i) => i.constructor.name)).toEqual(['Note', 'Author']);
      expect(page.of(Note)[0].text).toBe('hi');
    } finally {
      await app.get(DkmioClient).deleteTables([TimelineTable]);
      await app.close();
    }
  });

  it('one token per collection token object', () => {
    expect(getCollectionToken(AuthorTimeline)).toBe(getCollectionToken(AuthorTimeline));
    expect(getCollectionToken(collection([Author, Note]))).not.toBe(getCollectionToken(AuthorTimeline));
  });
});
