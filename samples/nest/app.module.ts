import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { DkmioClientOptions } from 'dkmio';
import { DkmioExceptionFilter, DkmioModule, DkmioSerializerInterceptor } from 'dkmio/nest';
import { cursorSecret } from '../blog/entities';
import { BlogModule } from './blog/blog.module';

/**
 * The root module: one DkmioModule.forRoot for the whole app, with sealed cursors and the
 * missing tables of every forFeature entity created at start-up; DkmioExceptionFilter answers
 * dkmio errors (404, 409, 400, 503...), DkmioSerializerInterceptor makes every result JSON-safe.
 * In an app with @nestjs/config, use DkmioModule.forRootAsync({ imports: [ConfigModule],
 * inject: [ConfigService], useFactory: (config) => ({ region: config.get('AWS_REGION'), ... }) }).
 */
@Module({})
export class AppModule {
  static register(dkmio: DkmioClientOptions): DynamicModule {
    return {
      module: AppModule,
      // Tables belong to infrastructure code in production; createTables keeps the sample one command.
      imports: [DkmioModule.forRoot({ cursorSecret: cursorSecret(), ...dkmio, createTables: true }), BlogModule],
      providers: [
        { provide: APP_FILTER, useClass: DkmioExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: DkmioSerializerInterceptor },
      ],
    };
  }
}
