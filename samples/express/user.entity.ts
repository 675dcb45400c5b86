import 'reflect-metadata';
import { Attribute, PartitionKey, Table } from 'dkmio';

/** The users table of the classic "Flask + DynamoDB" tutorials: one item per user id. */
@Table('users')
export class User {
  @PartitionKey() userId!: string;
  @Attribute() name!: string;
  email?: string;
}
