/**
 * The lenient type mode, the way back for code bases migrating from dkmio 0.1's typing: every
 * entity is treated as open (undeclared names accepted, loosely typed), while declared properties
 * and their operators stay typed. The augmentation is global to a program, so these tests have
 * their own tsconfig.
 */
declare module '../../../src' {
  interface DkmioTypeOptions {
    undeclaredAttributes: 'allow';
  }
}
export {};
