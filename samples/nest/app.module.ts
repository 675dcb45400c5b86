import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DkmioClientOptions } from 'dkmio';
import { DkmioExceptionFilter, DkmioModule } from 'dkmio/nest';
import { OrdersModule } from './orders/orders.module';

/**
 * The root module: one DkmioModule.forRoot for the whole app, DkmioExceptionFilter for every
 * route. In an app with @nestjs/config, use DkmioModule.forRootAsync({ imports: [ConfigModule],
 * inject: [ConfigService], useFactory: (config) => ({ region: config.get('AWS_REGION') }) }).
 */
@Module({})
export class AppModule {
  static register(dkmio: DkmioClientOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [DkmioModule.forRoot(dkmio), OrdersModule],
      providers: [{ provide: APP_FILTER, useClass: DkmioExceptionFilter }],
    };
  }
}
