/**
 * The opt-in strict mode for the type tests beside this folder: undeclared names are compile
 * errors, so a misspelled property is caught. The augmentation is global to a program, so these
 * tests have their own tsconfig.
 */
declare module '../../../src' {
  interface DkmioTypeOptions {
    undeclaredAttributes: 'error';
  }
}
export {};
