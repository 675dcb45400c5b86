// The answer itself is written once, for every framework, in src/http/error-response.ts.
export { httpErrorResponse, type DkmioHttpErrorBody } from '../http/error-response';
