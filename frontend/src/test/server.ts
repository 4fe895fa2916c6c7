import { setupServer } from 'msw/node';

/**
 * The mocked backend of the component tests (MSW at the fetch level). Every test declares the
 * routes it expects with `server.use(...)`; a request to any other route fails the test.
 */
export const server = setupServer();
export const unhandledRequests: string[] = [];
